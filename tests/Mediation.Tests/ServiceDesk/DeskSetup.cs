using System.Net;
using Mediation.ServiceDesk;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.ServiceDesk;

/// <summary>Enterprises signed up through the API and approved by the 肥城 desk; accounts use the demo password so SignIn can use them.</summary>
internal static class DeskSetup
{
    public const string Officer = "demo.deskofficer";
    public const string Colleague = "demo.deskofficer2";
    public const string Head = "demo.deskhead";

    public static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    public static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string code, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(code);
    }

    public static EnterpriseSignUpInput SignUpInput(string? creditCode = null, string? userName = null) => new(creditCode ?? CreditCodes.New(),
        "肥城市安泰建筑安装有限公司" + Suffix(), "赵某某", "钱某某", "13800138000", "肥城市新城街道", userName ?? "ent." + Suffix(), MediationAppFactory.DemoPassword, null);

    public static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>An approved enterprise and its admin's signed-in client.</summary>
    public static async Task<(EnterpriseDto Enterprise, HttpClient Client, string UserName)> EnterpriseAsync(MediationAppFactory app, bool approve = true)
    {
        var input = SignUpInput();
        var enterprise = await OkAsync<EnterpriseDto>(await app.CreateClient().PostJsonAsync("/api/service-desk/enterprises/sign-up", input), HttpStatusCode.Created);
        if (approve)
            enterprise = await OkAsync<EnterpriseDto>(await (await app.ClientAsAsync(Officer)).PostJsonAsync(
                $"/api/service-desk/enterprises/{enterprise.Id}/decision", new DecideEnterpriseInput(true, null, enterprise.ConcurrencyStamp)));
        return (enterprise, await app.ClientAsAsync(input.UserName!), input.UserName!);
    }

    public static async Task<DeskRequestDto> FileAsync(HttpClient enterprise, RequestKind kind = RequestKind.LegalMatter, bool urgent = false,
        params string[] supplied) =>
        await OkAsync<DeskRequestDto>(await enterprise.PostJsonAsync("/api/service-desk/portal/requests", new FileRequestInput(kind,
            "总包方拖欠工程款" + Suffix(), "肥城市新城安置区3号楼主体完工，总包方拖欠分包工程款120万元，涉及农民工工资。", "肥城市新城安置区3号楼", urgent,
            supplied.Length == 0 ? [MaterialsChecklist.BusinessLicence.Code] : supplied)), HttpStatusCode.Created);

    public static async Task<DeskRequestDto> TakeAsync(HttpClient officer, DeskRequestDto request, bool complex = false) =>
        await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{request.Id}/take", new TakeInput(complex, request.ConcurrencyStamp)));
}
