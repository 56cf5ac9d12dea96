using System.Security.Cryptography;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mediation.Core.Attachments;

/// <summary>
/// An uploaded file as every module takes it: the size is refused before the body is read whole, the type is judged by content
/// (<see cref="AttachmentTypes"/>), and what is stored is the encrypted file with the SHA-256 of the original. The error codes
/// are the calling module's, so each keeps its own stable codes.
/// </summary>
public static class Uploads
{
    private const long FormOverhead = 64 * 1024;

    /// <summary>The uploaded "file" part; a malformed form counts as no file.</summary>
    public static async Task<IFormFile?> ReadFileAsync(HttpRequest request, string tooLargeCode, CancellationToken ct)
    {
        if (!request.HasFormContentType) return null;
        if (request.ContentLength > AttachmentTypes.MaxBytes + FormOverhead) throw TooLarge(tooLargeCode);
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = AttachmentTypes.MaxBytes + FormOverhead }, ct);
            return form.Files.GetFile("file");
        }
        catch (InvalidDataException) when (request.ContentLength is null)
        {
            throw TooLarge(tooLargeCode);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    public static void EnsureSize(IFormFile file, string tooLargeCode)
    {
        if (file.Length > AttachmentTypes.MaxBytes) throw TooLarge(tooLargeCode);
    }

    public static async Task<CheckedUpload> ReadCheckedAsync(IFormFile file, string typeNotAllowedCode, PersonalDataProtector protector, CancellationToken ct)
    {
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var fileName = AttachmentTypes.SafeFileName(file.FileName);
        var contentType = AttachmentTypes.Detect(fileName, content) ?? throw new BusinessException(typeNotAllowedCode);
        return new CheckedUpload(fileName, contentType, protector.EncryptBytes(content), content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    private static BusinessException TooLarge(string code) =>
        new(code, new Dictionary<string, object?> { ["max"] = AttachmentTypes.MaxBytes / 1024 / 1024 });
}

public sealed record CheckedUpload(string FileName, string ContentType, byte[] EncryptedContent, long SizeBytes, string Sha256);
