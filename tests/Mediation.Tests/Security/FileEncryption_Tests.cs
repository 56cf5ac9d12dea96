using System.Security.Cryptography;
using Mediation.Core.PersonalData;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Mediation.Tests.Security;

public sealed class FileEncryption_Tests
{
    private static readonly string KeyA = PersonalDataProtector.NewKey();
    private static readonly string KeyB = PersonalDataProtector.NewKey();

    private static PersonalDataProtector Protector(string current, params (string Id, string Key)[] keys) => new(Options.Create(new PersonalDataOptions
    {
        Keys = keys.ToDictionary(k => k.Id, k => k.Key), CurrentKeyId = current, HashKey = PersonalDataProtector.NewKey(),
    }));

    private static readonly byte[] Scan = [.. "%PDF-1.7 身份证正反面扫描件"u8.ToArray(), .. Enumerable.Range(0, 5000).Select(i => (byte)i)];

    [Fact]
    public void A_file_is_stored_as_cipher_text_naming_its_key_and_read_back_after_a_rotation()
    {
        var before = Protector("2026a", ("2026a", KeyA));
        var stored = before.EncryptBytes(Scan);
        PersonalDataProtector.IsEncryptedFile(stored).ShouldBeTrue();
        stored.AsSpan().IndexOf("身份证"u8).ShouldBe(-1);
        stored.AsSpan().IndexOf("%PDF"u8).ShouldBe(-1);

        var after = Protector("2026b", ("2026a", KeyA), ("2026b", KeyB));
        after.DecryptBytes(stored).ShouldBe(Scan);
        var rewritten = after.EncryptBytes(Scan);
        Should.Throw<CryptographicException>(() => before.DecryptBytes(rewritten));
    }

    [Fact]
    public void A_tampered_file_fails_and_a_file_stored_before_encryption_reads_as_it_was()
    {
        var protector = Protector("k", ("k", KeyA));
        var stored = protector.EncryptBytes(Scan);
        stored[^20] ^= 1;
        Should.Throw<CryptographicException>(() => protector.DecryptBytes(stored));

        PersonalDataProtector.IsEncryptedFile(Scan).ShouldBeFalse();
        protector.DecryptBytes(Scan).ShouldBe(Scan);
    }
}
