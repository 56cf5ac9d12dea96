using System.Net;
using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Documents.Application;
using Mediation.Web.Documents.Fonts;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Documents;

/// <summary>The font's readiness is read from its headers (issue 17, P5): the font itself is loaded by the first document.</summary>
public sealed class FontFileCheck_Tests
{
    private static string InstalledFont => DocumentFonts.Locate(null).Path ?? throw new InvalidOperationException("No CJK font installed.");

    [Fact]
    public void The_installed_collection_passes()
    {
        FontFileCheck.Problem(InstalledFont).ShouldBeNull();
    }

    [Fact]
    public void Face_zero_extracted_as_a_standalone_TrueType_file_passes()
    {
        using var file = new TempFile(TrueTypeCollection.ExtractFace(File.ReadAllBytes(InstalledFont)));
        FontFileCheck.Problem(file.Path).ShouldBeNull();
    }

    [Fact]
    public void A_truncated_copy_is_refused_naming_the_font_package()
    {
        using var file = new TempFile(File.ReadAllBytes(InstalledFont)[..65_536]);
        var problem = FontFileCheck.Problem(file.Path);
        problem.ShouldNotBeNull();
        problem.ShouldContain("past the end of the file");
        problem.ShouldContain(DocumentFonts.DebianPackage);
    }

    [Fact]
    public void CFF_outlines_are_refused_as_PDFsharp_cannot_embed_them()
    {
        // An OpenType face with CFF outlines (as Noto CJK): "OTTO", then a table directory with a CFF table and no glyf.
        var face = new byte[12 + 16];
        "OTTO"u8.CopyTo(face);
        face[5] = 1;
        "CFF "u8.CopyTo(face.AsSpan(12));
        using var file = new TempFile(face);
        FontFileCheck.Problem(file.Path)!.ShouldContain("CFF");
    }

    [Fact]
    public void A_file_that_is_no_font_and_a_face_without_outlines_are_refused()
    {
        using var text = new TempFile("这不是字体文件，只是一段文字。"u8.ToArray());
        FontFileCheck.Problem(text.Path)!.ShouldContain("not a TrueType font");

        var noTables = new byte[12];
        noTables[1] = 1;
        using var empty = new TempFile(noTables);
        FontFileCheck.Problem(empty.Path)!.ShouldContain("no cmap, glyf, head, hhea, hmtx, loca, maxp, name, post table");

        using var tiny = new TempFile([0, 1]);
        FontFileCheck.Problem(tiny.Path)!.ShouldContain("ends inside its headers");
    }

    [Fact]
    public void A_table_whose_offset_and_length_wrap_past_32_bits_is_refused()
    {
        // Every table a face needs, all empty at offset 0, except glyf: 32 bytes at 0xFFFFFFF0, which in 32-bit arithmetic ends at 16.
        string[] tables = ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"];
        var face = new byte[12 + 16 * tables.Length];
        face[1] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(face.AsSpan(4), (ushort)tables.Length);
        for (var i = 0; i < tables.Length; i++)
        {
            var record = face.AsSpan(12 + 16 * i, 16);
            System.Text.Encoding.ASCII.GetBytes(tables[i]).CopyTo(record);
            if (tables[i] != "glyf") continue;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(record[8..], 0xFFFF_FFF0);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(record[12..], 0x20);
        }
        using var file = new TempFile(face);
        FontFileCheck.Problem(file.Path)!.ShouldContain("past the end of the file");
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(byte[] bytes)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"font-check-{Guid.NewGuid():N}.ttf");
            File.WriteAllBytes(Path, bytes);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}

/// <summary>An app of its own: no other test has printed with its <see cref="DocumentPdf"/>.</summary>
public sealed class AppNotPrintedYet() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite));

public sealed class FontLoadedByFirstDocument_Tests(AppNotPrintedYet app) : IClassFixture<AppNotPrintedYet>
{
    [Fact]
    public async Task Readiness_checks_the_font_without_loading_it_and_the_first_document_loads_it()
    {
        var pdf = app.Factory.Services.GetRequiredService<DocumentPdf>();
        var client = await app.Factory.ClientAsAsync("demo.systemadmin");

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.ReadJsonAsync()).GetProperty("checks").GetProperty("documents").GetProperty("description").GetString()!
            .ShouldContain("Font found and checked");
        pdf.FontLoaded.ShouldBeFalse();

        var preview = await client.PostJsonAsync("/api/documents/templates/acceptance-notice/preview", new { model = SampleDocuments.NoticeModel() });
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        PdfText.AllText(await preview.Content.ReadAsByteArrayAsync()).ShouldContain("小区供暖不达标");
        pdf.FontLoaded.ShouldBeTrue();
    }
}
