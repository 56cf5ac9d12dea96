using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.ServiceDesk;
using Mediation.ServiceDesk.Application;
using Mediation.ServiceDesk.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Mediation.Tests.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

/// <summary>Materials on a request: checked by content, kept encrypted, the enterprise reaches only its own, every download audited.</summary>
public abstract class ServiceDeskAttachments_Tests : ProviderTests
{
    private static MultipartFormDataContent Upload(string fileName, byte[] content, string? material = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (material is not null) form.Add(new StringContent(material), "material");
        return form;
    }

    private async Task<int> DownloadsAuditedAsync(Guid attachmentId, string userName)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>()
            .CountAsync(a => a.Action == AttachmentAppService.Downloaded && a.EntityId == attachmentId.ToString() && a.UserName == userName);
    }

    [Fact]
    public async Task An_enterprise_uploads_its_materials_the_officer_reads_them_and_every_download_is_audited()
    {
        var app = await AppAsync();
        var (_, client, userName) = await EnterpriseAsync(app);
        var officer = await app.ClientAsAsync(Officer);
        var filed = await FileAsync(client);
        var pdf = AttachmentTypes_Tests.Pdf();

        var uploaded = await OkAsync<DeskAttachmentDto>(await client.PostAsync($"/api/service-desk/portal/requests/{filed.Id}/attachments",
            Upload("../合同.pdf", pdf, MaterialsChecklist.Contract.Code)), HttpStatusCode.Created);
        (uploaded.FileName, uploaded.ContentType, uploaded.FromEnterprise, uploaded.MaterialName)
            .ShouldBe(("合同.pdf", "application/pdf", true, MaterialsChecklist.Contract.Name));
        uploaded.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        (uploaded.UploadedBy, uploaded.UploadedByName, uploaded.UploadedByUnit).ShouldBe((userName, "钱某某", "肥城市"));

        var seen = await OkAsync<DeskRequestDto>(await officer.GetAsync($"/api/service-desk/requests/{filed.Id}"));
        seen.Attachments.ShouldHaveSingleItem().Id.ShouldBe(uploaded.Id);
        seen.Timeline[^1].Kind.ShouldBe("AttachmentAdded");
        var download = await officer.GetAsync($"/api/service-desk/requests/{filed.Id}/attachments/{uploaded.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await DownloadsAuditedAsync(uploaded.Id, Officer)).ShouldBe(1);

        // The officer adds a file of his own; the enterprise sees both and downloads them, audited under its own account.
        var taken = await TakeAsync(officer, seen);
        var photo = await OkAsync<DeskAttachmentDto>(await officer.PostAsync($"/api/service-desk/requests/{filed.Id}/attachments",
            Upload("现场.png", AttachmentTypes_Tests.Png())), HttpStatusCode.Created);
        photo.FromEnterprise.ShouldBeFalse();
        var portal = await OkAsync<DeskRequestDto>(await client.GetAsync($"/api/service-desk/portal/requests/{filed.Id}"));
        portal.Attachments.Select(a => a.FileName).ShouldBe(["合同.pdf", "现场.png"]);
        portal.Attachments.Select(a => (a.UploadedByName, a.UploadedByUnit)).ShouldBe([("钱某某", "肥城市"), ("演示接诉即办窗口人员", "肥城市")]);
        (await (await client.GetAsync($"/api/service-desk/portal/requests/{filed.Id}/attachments/{photo.Id}")).Content.ReadAsByteArrayAsync())
            .ShouldBe(AttachmentTypes_Tests.Png());
        (await DownloadsAuditedAsync(photo.Id, userName)).ShouldBe(1);

        // Stored encrypted: neither the bytes nor the PDF marker are in the row.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<DeskAttachment>().IgnoreQueryFilters()
                .Where(a => a.Id == uploaded.Id).Select(a => a.Content).SingleAsync();
            stored.AsSpan().IndexOf("%PDF"u8).ShouldBe(-1);
        }

        // Once concluded the enterprise uploads no more; the desk still may.
        await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{filed.Id}/conclude",
            new ConcludeInput("已协调支付", (await OkAsync<DeskRequestDto>(await officer.GetAsync($"/api/service-desk/requests/{taken.Id}"))).ConcurrencyStamp)));
        await ShouldBeRefusedAsync(await client.PostAsync($"/api/service-desk/portal/requests/{filed.Id}/attachments", Upload("补充.pdf", pdf)),
            ServiceDeskErrorCodes.RequestClosed);
        (await officer.PostAsync($"/api/service-desk/requests/{filed.Id}/attachments", Upload("回访记录.pdf", pdf))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_file_is_judged_by_its_content_and_the_material_it_names_must_be_asked_for()
    {
        var app = await AppAsync();
        var (_, client, _) = await EnterpriseAsync(app);
        var officer = await app.ClientAsAsync(Officer);
        var filed = await FileAsync(client, RequestKind.ComplaintReport);
        var url = $"/api/service-desk/portal/requests/{filed.Id}/attachments";

        await ShouldBeRefusedAsync(await client.PostAsync(url, Upload("证据.pdf", "MZ\u0090 program"u8.ToArray())), ServiceDeskErrorCodes.AttachmentTypeNotAllowed);
        await ShouldBeRefusedAsync(await client.PostAsync(url, Upload("图.docx", AttachmentTypes_Tests.Png())), ServiceDeskErrorCodes.AttachmentTypeNotAllowed);
        var large = new byte[11 * 1024 * 1024];
        AttachmentTypes_Tests.Pdf().CopyTo(large, 0);
        await ShouldBeRefusedAsync(await client.PostAsync(url, Upload("大.pdf", large)), ServiceDeskErrorCodes.AttachmentTooLarge);
        var empty = await client.PostAsync(url, new MultipartFormDataContent());
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.ReadJsonAsync()).GetProperty("errors").GetProperty("file")[0].GetProperty("code").GetString().ShouldBe(ServiceDeskErrorCodes.AttachmentMissing);
        // A contract is not on a complaint's checklist; an item the materials notice named is.
        await ShouldBeRefusedAsync(await client.PostAsync(url, Upload("合同.pdf", AttachmentTypes_Tests.Pdf(), MaterialsChecklist.Contract.Code)),
            ServiceDeskErrorCodes.UnknownMaterial);
        var taken = await TakeAsync(officer, filed);
        await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/materials-notice",
            new MaterialsNoticeInput(["现场照片"], null, taken.ConcurrencyStamp)));
        var photo = await OkAsync<DeskAttachmentDto>(await client.PostAsync(url, Upload("现场.png", AttachmentTypes_Tests.Png(), "现场照片")), HttpStatusCode.Created);
        photo.MaterialName.ShouldBe("现场照片");

        var detail = await OkAsync<DeskRequestDto>(await client.GetAsync($"/api/service-desk/portal/requests/{filed.Id}"));
        detail.Attachments.ShouldHaveSingleItem().Id.ShouldBe(photo.Id);
    }

    [Fact]
    public async Task Another_enterprise_and_another_countys_staff_neither_see_nor_add_files()
    {
        var app = await AppAsync();
        var (_, client, _) = await EnterpriseAsync(app);
        var (_, other, otherName) = await EnterpriseAsync(app);
        var filed = await FileAsync(client);
        var mine = await OkAsync<DeskAttachmentDto>(await client.PostAsync($"/api/service-desk/portal/requests/{filed.Id}/attachments",
            Upload("营业执照.pdf", AttachmentTypes_Tests.Pdf())), HttpStatusCode.Created);

        (await other.GetAsync($"/api/service-desk/portal/requests/{filed.Id}/attachments/{mine.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/service-desk/portal/requests/{filed.Id}/attachments", Upload("x.pdf", AttachmentTypes_Tests.Pdf())))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Its own request's route with this file's id finds nothing either.
        var theirs = await FileAsync(other);
        (await other.GetAsync($"/api/service-desk/portal/requests/{theirs.Id}/attachments/{mine.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/service-desk/requests/{filed.Id}/attachments/{mine.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DownloadsAuditedAsync(mine.Id, otherName)).ShouldBe(0);

        var taishan = await app.ClientAsAsync("demo.coordinator");
        (await taishan.GetAsync($"/api/service-desk/requests/{filed.Id}/attachments/{mine.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OkAsync<DeskRequestDto>(await client.GetAsync($"/api/service-desk/portal/requests/{filed.Id}"))).Attachments.Count.ShouldBe(1);
    }
}

public sealed class ServiceDeskAttachments_Tests_on_Sqlite(SqliteApp app) : ServiceDeskAttachments_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class ServiceDeskAttachments_Tests_on_PostgreSql(PostgresCluster cluster) : ServiceDeskAttachments_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
