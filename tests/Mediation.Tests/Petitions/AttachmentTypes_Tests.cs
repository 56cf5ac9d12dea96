using System.IO.Compression;
using Mediation.Core.Attachments;
using Mediation.Petitions.Domain;
using Shouldly;

namespace Mediation.Tests.Petitions;

public sealed class AttachmentTypes_Tests
{
    internal static byte[] Pdf() => "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    internal static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    internal static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public void Allowed_types_are_recognised_by_their_content()
    {
        AttachmentTypes.Detect("材料.pdf", Pdf()).ShouldBe("application/pdf");
        AttachmentTypes.Detect("照片.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).ShouldBe("image/jpeg");
        AttachmentTypes.Detect("图.png", Png()).ShouldBe("image/png");
        AttachmentTypes.Detect("申请书.docx", Docx()).ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    [Fact]
    public void A_renamed_file_or_another_type_is_refused()
    {
        AttachmentTypes.Detect("恶意.pdf", "MZ\x90\0 this is an exe"u8.ToArray()).ShouldBeNull();
        AttachmentTypes.Detect("图.pdf", Png()).ShouldBeNull();
        AttachmentTypes.Detect("script.exe", Pdf()).ShouldBeNull();
        AttachmentTypes.Detect("材料.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).ShouldBeNull();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true)) archive.CreateEntry("evil.sh");
        AttachmentTypes.Detect("材料.docx", zip.ToArray()).ShouldBeNull();
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\win.ini.pdf", "win.ini.pdf")]
    [InlineData("/var/www/申请书.pdf", "申请书.pdf")]
    [InlineData("..", "attachment")]
    [InlineData("a\u0000b\r\n.pdf", "ab.pdf")]
    [InlineData("材料\u202Egpj.pdf", "材料gpj.pdf")]
    [InlineData("\u200B材\u200D料\uFEFF\u2066.pdf", "材料.pdf")]
    public void File_names_lose_every_folder_and_control_character(string sent, string kept) =>
        AttachmentTypes.SafeFileName(sent).ShouldBe(kept);
}
