using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mediation.Cases;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Cases;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// One malformed request and what it must get: a problem with the status, and for a field problem the field and its code.
/// Url and body may name the records of <see cref="HostileTargets"/>: {case}, {committee}, {mediator}, {petition}, {party},
/// {foreignUnit} (岱岳区, outside every probing user's scope), {caseStamp} (the case's concurrencyStamp: no probe changes it).
/// A null body sends none. ProblemCode and Title, when given, are the problem's code and its (zh-Hans) title.
/// </summary>
public sealed record HostileProbe(string Name, string User, string Method, string Url, string? Body, HttpStatusCode Status,
    string? Field = null, string? Code = null, string? ProblemCode = null, string? Title = null);

/// <summary>Records in 泰山区 the probes aim at, made through the API once per host.</summary>
public sealed record HostileTargets(Guid Case, Guid Committee, Guid Mediator, Guid Petition, Guid Party, Guid ForeignUnit, string CaseStamp)
{
    public string Fill(string text) => text
        .Replace("{caseStamp}", CaseStamp, StringComparison.Ordinal)
        .Replace("{foreignUnit}", ForeignUnit.ToString(), StringComparison.Ordinal)
        .Replace("{case}", Case.ToString(), StringComparison.Ordinal)
        .Replace("{petition}", Petition.ToString(), StringComparison.Ordinal)
        .Replace("{party}", Party.ToString(), StringComparison.Ordinal)
        .Replace("{committee}", Committee.ToString(), StringComparison.Ordinal)
        .Replace("{mediator}", Mediator.ToString(), StringComparison.Ordinal);
}

/// <summary>
/// The probes of issue 12 kept as a table: every row must be refused with a problem body, write nothing (no data audit row under
/// its correlation id) and leave the lists readable. A new endpoint or a new kind of hostile input is one more row.
/// </summary>
public static class HostileProbes
{
    private const string Mediator = "demo.mediator";
    private const string Officer = "demo.petitionofficer";
    private const string Advisor = "demo.legaladvisor";
    private const string DeskOfficer = "demo.deskofficer";
    private const string EnterpriseUser = "demo.enterpriseuser";

    /// <summary>A consultation at a window; validation refuses the probes before the window (here a committee's id) is looked up.</summary>
    public static JsonObject ServiceRegistration() => new()
    {
        ["windowId"] = "{committee}",
        ["kind"] = "Consultation",
        ["person"] = new JsonObject { ["name"] = "王某某", ["idCardNumber"] = CaseSetup.PartyId1 },
        ["matter"] = "宅基地界址",
        ["advice"] = "可申请人民调解",
        ["minutes"] = 20,
    };
    private const string Convener = "demo.coordinator.taian";
    private const string NoSuchId = "0190a5c0-0000-7000-8000-000000000001";

    public static JsonObject CaseRegistration() => new()
    {
        ["committeeId"] = "{committee}",
        ["disputeType"] = "Neighbourhood",
        ["summary"] = "排水沟改道引发邻里纠纷",
        ["place"] = "岱东社区",
        ["source"] = "WalkIn",
        ["parties"] = new JsonArray(
            new JsonObject { ["kind"] = "Person", ["name"] = "王某某", ["idCardNumber"] = CaseSetup.PartyId1, ["address"] = "岱东社区 3 号", ["consentsToMediation"] = true },
            new JsonObject { ["kind"] = "Person", ["name"] = "李某某", ["idCardNumber"] = CaseSetup.PartyId2, ["consentsToMediation"] = true }),
        ["mediatorIds"] = new JsonArray("{mediator}"),
        ["riskGrade"] = "Blue",
        ["riskReason"] = "初评",
    };

    public static JsonObject PetitionRegistration() => new()
    {
        ["channel"] = "Letter",
        ["receivedAt"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
        ["petitioners"] = new JsonArray(new JsonObject { ["name"] = "王某", ["phone"] = "13800138000", ["address"] = "岱东社区 3 号" }),
        ["matter"] = "邻居占用宅基地，多次协商未果",
        ["requestedOutcome"] = "恢复宅基地界址",
        ["place"] = "岱东社区",
    };

    private static string With(JsonObject body, string property, JsonNode? value)
    {
        body[property] = value;
        return body.ToJsonString();
    }

    private const string YearOne = "0001-01-01T00:00:00+08:00";

    private static string InThreeDays => DateTimeOffset.UtcNow.AddDays(3).ToString("O");

    private static string Risk(string grade) => $$"""{"grade":{{grade}},"reason":"复评"}""";

    public static readonly IReadOnlyList<HostileProbe> All =
    [
        // Item 1: an enum value is exactly one defined member, by name.
        new("risk grade as a flag combination", Mediator, "POST", "/api/cases/{case}/risk", Risk("\"Blue,Red\""), HttpStatusCode.BadRequest, "grade", CoreErrorCodes.Validation.NotAMember),
        new("risk grade as a flag combination with a space", Mediator, "POST", "/api/cases/{case}/risk", Risk("\"Blue, Red\""), HttpStatusCode.BadRequest, "grade", CoreErrorCodes.Validation.NotAMember),
        new("risk grade as a number in a string", Mediator, "POST", "/api/cases/{case}/risk", Risk("\"5\""), HttpStatusCode.BadRequest, "grade", CoreErrorCodes.Validation.NotAMember),
        new("risk grade as a number", Mediator, "POST", "/api/cases/{case}/risk", Risk("4"), HttpStatusCode.BadRequest, "grade", CoreErrorCodes.Validation.NotAMember),
        new("risk grade not defined", Mediator, "POST", "/api/cases/{case}/risk", Risk("\"Purple\""), HttpStatusCode.BadRequest, "grade", CoreErrorCodes.Validation.NotAMember),
        new("registration risk grade as a flag combination", Mediator, "POST", "/api/cases", With(CaseRegistration(), "riskGrade", "Blue,Red"),
            HttpStatusCode.BadRequest, "riskGrade", CoreErrorCodes.Validation.NotAMember),
        new("registration party kind as a flag combination", Mediator, "POST", "/api/cases",
            CaseRegistration().ToJsonString().Replace("\"kind\":\"Person\"", "\"kind\":\"Person,Organisation\"", StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "parties[0].kind", CoreErrorCodes.Validation.NotAMember),
        new("petition channel as a number in a string", Officer, "POST", "/api/petitions", With(PetitionRegistration(), "channel", "1"),
            HttpStatusCode.BadRequest, "channel", CoreErrorCodes.Validation.NotAMember),

        // Item 2: dates of events that happened lie between 2000-01-01 and tomorrow; planned dates within 30 years.
        new("petition received in year 1", Officer, "POST", "/api/petitions", With(PetitionRegistration(), "receivedAt", YearOne),
            HttpStatusCode.BadRequest, "receivedAt", CoreErrorCodes.Validation.DateTooEarly),
        new("petition received in 1999", Officer, "POST", "/api/petitions", With(PetitionRegistration(), "receivedAt", "1999-12-31T23:59:59+08:00"),
            HttpStatusCode.BadRequest, "receivedAt", CoreErrorCodes.Validation.DateTooEarly),
        new("petition received in three days", Officer, "POST", "/api/petitions", With(PetitionRegistration(), "receivedAt", InThreeDays),
            HttpStatusCode.BadRequest, "receivedAt", CoreErrorCodes.Validation.DateInFuture),
        new("opinion sign-off naming the opinion by number", "demo.unithead", "POST", "/api/petitions/{petition}/opinion/sign-off", """{"opinion":0}""",
            HttpStatusCode.BadRequest, "opinion", CoreErrorCodes.Validation.NotAMember),
        new("opinion returned with a 1001-character reason", "demo.unithead", "POST", "/api/petitions/{petition}/opinion/return",
            $$"""{"opinion":"Reply","reason":"{{new string('因', 1001)}}"}""", HttpStatusCode.BadRequest, "reason", CoreErrorCodes.Validation.MaxLength),
        new("review requested in year 1", Officer, "POST", "/api/petitions/{petition}/review", $$"""{"requestedAt":"{{YearOne}}"}""",
            HttpStatusCode.BadRequest, "requestedAt", CoreErrorCodes.Validation.DateTooEarly),
        new("reexamination requested in three days", Officer, "POST", "/api/petitions/{petition}/reexamination", $$"""{"requestedAt":"{{InThreeDays}}"}""",
            HttpStatusCode.BadRequest, "requestedAt", CoreErrorCodes.Validation.DateInFuture),
        new("session held in year 1", Mediator, "POST", "/api/cases/{case}/sessions",
            $$"""{"heldAt":"{{YearOne}}","place":"岱东社区","attendees":["王某某"],"minutes":"笔录"}""", HttpStatusCode.BadRequest, "heldAt", CoreErrorCodes.Validation.DateTooEarly),
        new("police told in year 1", Mediator, "POST", "/api/cases/{case}/conclude",
            """{"outcome":"Failed","reason":"调解不成","mayTurnCriminal":true,"reportedToPoliceOn":"0001-01-01"}""",
            HttpStatusCode.BadRequest, "reportedToPoliceOn", CoreErrorCodes.Validation.DateTooEarly),
        new("agreement term due in 9999", Mediator, "POST", "/api/cases/{case}/conclude",
            """{"outcome":"Succeeded","facts":"事实","disputedPoints":"争议","responsibilities":"责任","terms":[{"description":"赔偿","amount":100,"dueOn":"9999-12-31"}]}""",
            HttpStatusCode.BadRequest, "terms[0].dueOn", CoreErrorCodes.Validation.DateTooLate),
        new("agreement signed in year 1", Mediator, "POST", "/api/cases/{case}/agreement/signed", $$"""{"signedAt":"{{YearOne}}"}""",
            HttpStatusCode.BadRequest, "signedAt", CoreErrorCodes.Validation.DateTooEarly),
        new("court decided in year 1", Mediator, "POST", "/api/cases/{case}/agreement/court-decision",
            """{"decision":"Confirmed","decidedOn":"0001-01-01","courtName":"泰山区人民法院"}""", HttpStatusCode.BadRequest, "decidedOn", CoreErrorCodes.Validation.DateTooEarly),
        new("parties consented in year 1", Mediator, "POST", "/api/cases/{case}/term/continue",
            """{"consentingPartyIds":["{party}"],"consentedOn":"0001-01-01","days":10}""", HttpStatusCode.BadRequest, "consentedOn", CoreErrorCodes.Validation.DateTooEarly),
        new("term continued until 9999", Mediator, "POST", "/api/cases/{case}/term/continue",
            """{"consentingPartyIds":["{party}"],"consentedOn":"2026-01-02","until":"9999-12-31"}""", HttpStatusCode.BadRequest, "until", CoreErrorCodes.Validation.DateTooLate),
        new("visit made in year 1", Mediator, "POST", "/api/cases/{case}/visits/{committee}",
            $$"""{"visitedAt":"{{YearOne}}","method":"Phone","visitor":"张调解"}""", HttpStatusCode.BadRequest, "visitedAt", CoreErrorCodes.Validation.DateTooEarly),
        new("due date preview from year 1", Mediator, "GET", "/api/calendar/due?policy=mediation.term&start=0001-01-01", null, HttpStatusCode.BadRequest),
        new("calendar holiday spanning every year", "demo.systemadmin", "PUT", "/api/calendar/2026",
            """{"source":"probe","holidays":[{"from":"0001-01-01","to":"9999-12-31","name":"假"}],"workingDays":[{"date":"2025-12-31","name":"班"}]}""",
            HttpStatusCode.UnprocessableEntity),

        // Item 3: a lone UTF-16 surrogate is a 400 problem wherever it is sent.
        new("lone surrogate in a case summary", Mediator, "POST", "/api/cases",
            With(CaseRegistration(), "summary", "SUMMARY").Replace("SUMMARY", "\\ud800x", StringComparison.Ordinal), HttpStatusCode.BadRequest),
        new("lone surrogate in a template preview model", "demo.systemadmin", "POST", "/api/documents/templates/mediation-agreement/preview",
            """{"model":{"number":"\ud800x"}}""", HttpStatusCode.BadRequest, "model", CoreErrorCodes.Validation.InvalidText),
        new("lone low surrogate in a template preview model key", "demo.systemadmin", "POST", "/api/documents/templates/mediation-agreement/preview",
            """{"model":{"\udc00":"x"}}""", HttpStatusCode.BadRequest, "model", CoreErrorCodes.Validation.InvalidText),

        // Control characters (C0 but tab, CR, LF) are refused in every text the API takes, naming the field: a NUL in a plan's place was stored
        // on SQLite and shown as "&#x0;".
        new("NUL in a session plan's place", Mediator, "POST", "/api/cases/{case}/session-plans",
            $$"""{"startsAt":"{{InThreeDays}}","place":"岱东社区\u0000调解室"}""", HttpStatusCode.BadRequest, "place", CoreErrorCodes.Validation.InvalidText),
        new("bell character in a case summary", Mediator, "POST", "/api/cases", With(CaseRegistration(), "summary", "排水沟\u0007纠纷"),
            HttpStatusCode.BadRequest, "summary", CoreErrorCodes.Validation.InvalidText),
        new("escape character in a party's address", Mediator, "POST", "/api/cases",
            CaseRegistration().ToJsonString().Replace("\"consentsToMediation\":true}", "\"address\":\"3\\u001b号\",\"consentsToMediation\":true}", StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "parties[1].address", CoreErrorCodes.Validation.InvalidText),
        new("vertical tab in a session's attendee", Mediator, "POST", "/api/cases/{case}/sessions",
            $$"""{"heldAt":"{{DateTimeOffset.UtcNow.AddHours(-1):O}}","place":"岱东社区","attendees":["王某某\u000b"],"minutes":"笔录","concurrencyStamp":"x"}""",
            HttpStatusCode.BadRequest, "attendees[0]", CoreErrorCodes.Validation.InvalidText),
        new("NUL in a query parameter", "demo.coordinator", "GET", "/api/org-units/?search=%00", null,
            HttpStatusCode.BadRequest, "search", CoreErrorCodes.Validation.InvalidText),
        new("NUL in a template preview model", "demo.systemadmin", "POST", "/api/documents/templates/mediation-agreement/preview",
            """{"model":{"number":"泰山调\u0000"}}""", HttpStatusCode.BadRequest, "model", CoreErrorCodes.Validation.InvalidText),
        new("unit separator in a template preview model", "demo.systemadmin", "POST", "/api/documents/templates/mediation-agreement/preview",
            """{"model":{"number":"泰山调\u001f"}}""", HttpStatusCode.BadRequest, "model", CoreErrorCodes.Validation.InvalidText),
        // A right-to-left override shows the rest of its paragraph reversed on every page and document ("Trojan Source"); C1 controls
        // (U+0085 NEL) are as invisible as C0 ones. TextRules refuses both, with the isolates (U+2066–U+2069).
        new("right-to-left override in a party's name", Mediator, "POST", "/api/cases",
            CaseRegistration().ToJsonString().Replace("\"consentsToMediation\":true}", "\"address\":\"岱宗大街\\u202E号0001\",\"consentsToMediation\":true}", StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "parties[1].address", CoreErrorCodes.Validation.InvalidText),
        new("right-to-left isolate in a case summary", Mediator, "POST", "/api/cases", With(CaseRegistration(), "summary", "排水沟\u2067纠纷\u2069"),
            HttpStatusCode.BadRequest, "summary", CoreErrorCodes.Validation.InvalidText),
        new("next-line control in a session plan's place", Mediator, "POST", "/api/cases/{case}/session-plans",
            $$"""{"startsAt":"{{InThreeDays}}","place":"岱东社区\u0085调解室"}""", HttpStatusCode.BadRequest, "place", CoreErrorCodes.Validation.InvalidText),

        // A query value that does not bind, or one given twice, is named: in the API and on the pages (the page used to show every plan).
        new("session plans of today given twice", Mediator, "GET", "/api/cases/session-plans?today=true&today=false", null, HttpStatusCode.BadRequest,
            "today", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest, "请求格式不正确：参数“today”只能给出一次。"),
        new("sessions page of today maybe", Mediator, "GET", "/Cases/Sessions?today=maybe", null, HttpStatusCode.BadRequest,
            "today", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest, "请求格式不正确：参数“today”缺失或格式不正确。"),
        new("sessions page of today given twice", Mediator, "GET", "/Cases/Sessions?today=true&today=false", null, HttpStatusCode.BadRequest,
            "today", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest, "请求格式不正确：参数“today”只能给出一次。"),
        new("visits page of today maybe", Mediator, "GET", "/Cases/Visits?today=maybe", null, HttpStatusCode.BadRequest,
            "today", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),

        // Item 3: every string has a length limit; a body over 1 MB is refused before it is read.
        new("party address of 301 characters", Mediator, "POST", "/api/cases",
            CaseRegistration().ToJsonString().Replace("\"consentsToMediation\":true}", $"\"address\":\"{new string('址', 301)}\",\"consentsToMediation\":true}}", StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "parties[1].address", CoreErrorCodes.Validation.MaxLength),
        new("risk reason of 501 characters", Mediator, "POST", "/api/cases", With(CaseRegistration(), "riskReason", new string('因', 501)),
            HttpStatusCode.BadRequest, "riskReason", CoreErrorCodes.Validation.MaxLength),
        new("a 2 MB petition", Officer, "POST", "/api/petitions", With(PetitionRegistration(), "matter", new string('x', 2 * 1024 * 1024)),
            HttpStatusCode.RequestEntityTooLarge),

        // Item 15: another county's dashboard and inbox are "not found", like its records.
        new("deadline dashboard of another county", "demo.coordinator", "GET", "/api/deadlines/dashboard?orgUnitId={foreignUnit}", null, HttpStatusCode.NotFound),
        new("duplicate check over a 4001-character matter", Officer, "POST", "/api/petitions/duplicates", $$"""{"matter":"{{new string('地', 4001)}}"}""",
            HttpStatusCode.BadRequest, "matter", CoreErrorCodes.Validation.MaxLength),
        new("inbox of another county", "demo.coordinator", "GET", "/api/notifications/inbox?orgUnitId={foreignUnit}", null, HttpStatusCode.NotFound),

        // A rule's refusal names its own rule: 民转刑 is not a police report.
        new("民转刑 dated before the case was registered", Mediator, "POST", "/api/cases/{case}/became-criminal", """{"on":"2020-01-01","note":"以故意伤害立案","concurrencyStamp":"{caseStamp}"}""",
            HttpStatusCode.UnprocessableEntity, ProblemCode: CasesErrorCodes.BecameCriminalDateOutOfRange, Title: "转为刑事案件的日期不能早于案件受理日，也不能晚于今天。"),

        // A body of the wrong shape says where, in plain words, and never names a .NET type.
        new("民转刑 date that is not a date", Mediator, "POST", "/api/cases/{case}/became-criminal", """{"on":"昨天","note":"立案"}""",
            HttpStatusCode.BadRequest, "on", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest, "请求格式不正确：字段“on”的值类型或格式不正确。"),
        new("民转刑 body that is an array", Mediator, "POST", "/api/cases/{case}/became-criminal", """["2026-03-01"]""",
            HttpStatusCode.BadRequest, ProblemCode: CoreErrorCodes.MalformedRequest, Title: "请求格式不正确：正文应为一个 JSON 对象，且各字段的类型正确。"),
        new("risk reason that is an object", Mediator, "POST", "/api/cases/{case}/risk", """{"grade":"Red","reason":{"text":"复评"}}""",
            HttpStatusCode.BadRequest, "reason", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),
        new("case registration with parties as a string", Mediator, "POST", "/api/cases", With(CaseRegistration(), "parties", "王某某"),
            HttpStatusCode.BadRequest, "parties", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),
        new("petition registration cut off mid-way", Officer, "POST", "/api/petitions", PetitionRegistration().ToJsonString()[..40],
            HttpStatusCode.BadRequest, ProblemCode: CoreErrorCodes.MalformedRequest),
        new("follow-up visits due within a word of days", Mediator, "GET", "/api/cases/visits/due?withinDays=soon", null,
            HttpStatusCode.BadRequest, "withinDays", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest, "请求格式不正确：参数“withinDays”缺失或格式不正确。"),
        // Legal windows (issue 13): the same rules on the module's own endpoints.
        new("service kind as a flag combination", Advisor, "POST", "/api/legal-windows/records", With(ServiceRegistration(), "kind", "Consultation,CivilAgency"),
            HttpStatusCode.BadRequest, "kind", CoreErrorCodes.Validation.NotAMember),
        new("service given in year 1", Advisor, "POST", "/api/legal-windows/records", With(ServiceRegistration(), "servedAt", YearOne),
            HttpStatusCode.BadRequest, "servedAt", CoreErrorCodes.Validation.DateTooEarly),
        new("service matter of 2001 characters", Advisor, "POST", "/api/legal-windows/records", With(ServiceRegistration(), "matter", new string('事', 2001)),
            HttpStatusCode.BadRequest, "matter", CoreErrorCodes.Validation.MaxLength),
        new("lone surrogate in a service's advice", Advisor, "POST", "/api/legal-windows/records",
            With(ServiceRegistration(), "advice", "ADVICE").Replace("ADVICE", "\\ud800x", StringComparison.Ordinal), HttpStatusCode.BadRequest),
        new("served person's ID with a wrong check digit", Advisor, "POST", "/api/legal-windows/records",
            ServiceRegistration().ToJsonString().Replace(CaseSetup.PartyId1, "110105194912310021", StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "person.idCardNumber", "LegalWindows:IdCardInvalid"),
        new("roster from year 1", "demo.unithead", "POST", "/api/legal-windows/windows/{committee}/roster", """{"from":"0001-01-01","to":"0001-01-31"}""",
            HttpStatusCode.BadRequest, "from", CoreErrorCodes.Validation.DateTooEarly),
        new("roster weekday as a number", "demo.unithead", "POST", "/api/legal-windows/windows/{committee}/roster",
            """{"from":"2030-01-01","to":"2030-01-31","weekdays":[1]}""", HttpStatusCode.BadRequest),
        new("advisor with a 16-digit licence number", "demo.unithead", "POST", "/api/legal-windows/advisors",
            """{"orgUnitId":"{foreignUnit}","name":"赵律师","kind":"Lawyer","firm":"所","licenceNumber":"1370920151000000"}""",
            HttpStatusCode.BadRequest, "licenceNumber", "LegalWindows:LicenceNumberInvalid"),
        new("coverage of another county", "demo.unithead", "GET", "/api/legal-windows/coverage?orgUnitId={foreignUnit}", null, HttpStatusCode.NotFound),
        new("mediation session number as a word", Advisor, "POST", "/api/legal-windows/records/mediation-participation",
            """{"windowId":"{committee}","caseNumber":"泰山调〔2026〕1号","sessionNumber":"first","minutes":30,"note":"意见","partiesConsent":true}""",
            HttpStatusCode.BadRequest, "sessionNumber", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),
        new("mediation session number 0", Advisor, "POST", "/api/legal-windows/records/mediation-participation",
            """{"windowId":"{committee}","caseNumber":"泰山调〔2026〕1号","sessionNumber":0,"minutes":30,"note":"意见","partiesConsent":true}""",
            HttpStatusCode.BadRequest, "sessionNumber", CoreErrorCodes.Validation.OutOfRange),

        // Joint meetings: every input checked before a record is looked up or written.
        new("joint meeting scheduled in year 1", Convener, "POST", "/api/joint-meetings/meetings",
            $$"""{"groupId":"{{NoSuchId}}","title":"联席会议","scheduledAt":"{{YearOne}}","place":"会议室"}""", HttpStatusCode.BadRequest, "scheduledAt", CoreErrorCodes.Validation.DateTooEarly),
        new("joint meeting held in three days", Convener, "POST", $"/api/joint-meetings/meetings/{NoSuchId}/held",
            $$"""{"heldAt":"{{InThreeDays}}","place":"会议室","chair":"张某","attendance":[{"memberUnitId":"{{NoSuchId}}","status":"Present"}]}""",
            HttpStatusCode.BadRequest, "heldAt", CoreErrorCodes.Validation.DateInFuture),
        new("joint meeting decision of 2001 characters", Convener, "POST", $"/api/joint-meetings/agenda-items/{NoSuchId}/decision",
            $$"""{"decision":"{{new string('决', 2001)}}"}""", HttpStatusCode.BadRequest, "decision", CoreErrorCodes.Validation.MaxLength),
        new("supervision measure as a flag combination", Convener, "POST", $"/api/joint-meetings/tasks/{NoSuchId}/measures",
            """{"kind":"Interview,ListedSupervision","on":"2026-01-02"}""", HttpStatusCode.BadRequest, "kind", CoreErrorCodes.Validation.NotAMember),
        new("automatic escalation recorded by hand", Convener, "POST", $"/api/joint-meetings/tasks/{NoSuchId}/measures",
            """{"kind":"Circulate","on":"2026-01-02"}""", HttpStatusCode.BadRequest, "kind", CoreErrorCodes.Validation.OutOfRange),
        new("progress report of 2001 characters", "demo.memberunit", "POST", $"/api/joint-meetings/tasks/{NoSuchId}/progress",
            $$"""{"text":"{{new string('报', 2001)}}"}""", HttpStatusCode.BadRequest, "text", CoreErrorCodes.Validation.MaxLength),
        new("completion without evidence", "demo.memberunit", "POST", $"/api/joint-meetings/tasks/{NoSuchId}/completion",
            """{"text":"已办结"}""", HttpStatusCode.BadRequest, "evidence", CoreErrorCodes.Validation.Required),
        new("acknowledgement of a task that is not the unit's", "demo.memberunit", "POST", $"/api/joint-meetings/tasks/{NoSuchId}/acknowledgement",
            "{}", HttpStatusCode.NotFound),
        new("agenda item of 201 characters added to a meeting", Convener, "POST", $"/api/joint-meetings/meetings/{NoSuchId}/agenda-items",
            $$"""{"groupId":"{{NoSuchId}}","title":"{{new string('议', 201)}}"}""", HttpStatusCode.BadRequest, "title", CoreErrorCodes.Validation.MaxLength),
        new("task evidence without a file", "demo.memberunit", "POST", $"/api/joint-meetings/tasks/{NoSuchId}/attachments",
            "{}", HttpStatusCode.BadRequest, "file", "JointMeetings:AttachmentMissing"),
        new("register export of another user", Convener, "GET", $"/api/joint-meetings/exports/{NoSuchId}/file", null, HttpStatusCode.NotFound),
        new("meeting calendar from a word", Convener, "GET", "/api/joint-meetings/meetings?from=soon", null,
            HttpStatusCode.BadRequest, "from", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),

        // Background exports (kernel): refused in the request, never queued; another user's export is not found.
        new("export of an unknown kind", Advisor, "POST", "/api/exports", """{"kind":"legal-windows.everything"}""",
            HttpStatusCode.BadRequest, "kind", "Exports:UnknownKind"),
        new("export parameters as an array", Advisor, "POST", "/api/exports", """{"kind":"legal-windows.ledger","parameters":[1]}""",
            HttpStatusCode.BadRequest, "parameters", CoreErrorCodes.Validation.WrongFormat),
        new("export parameters of 4001 characters", Advisor, "POST", "/api/exports",
            $$$"""{"kind":"legal-windows.ledger","parameters":{"month":"{{{new string('9', 4001)}}}"}}""", HttpStatusCode.BadRequest, "parameters", "Exports:ParametersTooLong"),
        new("ledger export of month 13", Advisor, "POST", "/api/exports", """{"kind":"legal-windows.ledger","parameters":{"month":"2026-13"}}""",
            HttpStatusCode.BadRequest, "month", "LegalWindows:MonthInvalid"),
        new("ledger export with a window id as a number", Advisor, "POST", "/api/exports",
            """{"kind":"legal-windows.ledger","parameters":{"month":"2026-03","windowId":7}}""", HttpStatusCode.BadRequest, "parameters", CoreErrorCodes.Validation.WrongFormat),
        new("export status of another user", Advisor, "GET", $"/api/exports/{NoSuchId}", null, HttpStatusCode.NotFound),
        new("export file of another user", Advisor, "GET", $"/api/exports/{NoSuchId}/file", null, HttpStatusCode.NotFound),

        // The 接诉即办 desk: the portal (an enterprise's user), the anonymous sign-up and the officers' endpoints.
        new("desk request kind as a number in a string", EnterpriseUser, "POST", "/api/service-desk/portal/requests",
            """{"kind":"3","title":"工程款","description":"拖欠工程款"}""", HttpStatusCode.BadRequest, "kind", CoreErrorCodes.Validation.NotAMember),
        new("desk notice of a request not the enterprise's", EnterpriseUser, "GET", $"/api/service-desk/portal/requests/{NoSuchId}/documents/{NoSuchId}", null,
            HttpStatusCode.NotFound),
        new("desk rating as a flag combination", EnterpriseUser, "POST", $"/api/service-desk/portal/requests/{NoSuchId}/rating",
            """{"rating":"Satisfied,Dissatisfied"}""", HttpStatusCode.BadRequest, "rating", CoreErrorCodes.Validation.NotAMember),
        new("enterprise sign-up with a wrong check character", EnterpriseUser, "POST", "/api/service-desk/enterprises/sign-up",
            """{"creditCode":"91370983MA3C00000X","name":"某建筑公司","legalRepresentative":"赵某","contactName":"钱某","contactPhone":"13800138000","userName":"ent.hostile","password":"Demo-Passw0rd!"}""",
            HttpStatusCode.BadRequest, "creditCode", "ServiceDesk:CreditCodeInvalid"),
        new("desk visit in three days", DeskOfficer, "POST", "/api/service-desk/visits",
            $$"""{"enterpriseId":"{{NoSuchId}}","visitedOn":"{{DateTimeOffset.UtcNow.AddDays(3):yyyy-MM-dd}}","visitors":"王某"}""",
            HttpStatusCode.BadRequest, "visitedOn", CoreErrorCodes.Validation.DateInFuture),
        new("desk rates from a word", DeskOfficer, "GET", "/api/service-desk/rates?from=soon", null,
            HttpStatusCode.BadRequest, "from", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),
        new("desk material without a file", EnterpriseUser, "POST", $"/api/service-desk/portal/requests/{NoSuchId}/attachments",
            "{}", HttpStatusCode.BadRequest, "file", "ServiceDesk:AttachmentMissing"),
        new("desk material of a request not the enterprise's", EnterpriseUser, "GET", $"/api/service-desk/portal/requests/{NoSuchId}/attachments/{NoSuchId}",
            null, HttpStatusCode.NotFound),
        new("desk officer's attachment without a file", DeskOfficer, "POST", $"/api/service-desk/requests/{NoSuchId}/attachments",
            "{}", HttpStatusCode.BadRequest, "file", "ServiceDesk:AttachmentMissing"),
        new("desk attachment of a request out of scope", DeskOfficer, "GET", $"/api/service-desk/requests/{NoSuchId}/attachments/{NoSuchId}",
            null, HttpStatusCode.NotFound),
        new("desk transfer without a reason", DeskOfficer, "POST", $"/api/service-desk/requests/{NoSuchId}/transfer",
            $$"""{"toDepartment":"市住建局"}""", HttpStatusCode.BadRequest, "reason", CoreErrorCodes.Validation.Required),
        new("desk escalation without a reason", DeskOfficer, "POST", $"/api/service-desk/requests/{NoSuchId}/escalate",
            $$"""{"reason":"   "}""", HttpStatusCode.BadRequest, "reason", CoreErrorCodes.Validation.Required),
        new("desk escalation accepted on a request out of scope", DeskOfficer, "POST", $"/api/service-desk/requests/{NoSuchId}/escalation/accept",
            "{}", HttpStatusCode.NotFound),
        new("desk petition hand-off without the enterprise's consent", DeskOfficer, "POST", $"/api/service-desk/requests/{NoSuchId}/petition",
            $$"""{"requestedOutcome":"依法查处"}""", HttpStatusCode.BadRequest, "enterpriseConsents", CoreErrorCodes.Validation.Required),
        new("desk petition hand-off of a request out of scope", DeskOfficer, "POST", $"/api/service-desk/requests/{NoSuchId}/petition",
            $$"""{"enterpriseConsents":true}""", HttpStatusCode.NotFound),

        // Item 1 for query strings: an enum parameter is one member by name, in the API and on the pages
        // (EnumParameters_Tests requires these rows for every enum parameter of every list).
        .. EnumRows("desk queue view", DeskOfficer, "/api/service-desk/requests", "view", typeof(global::Mediation.ServiceDesk.QueueView)),
        .. EnumRows("desk queue status", DeskOfficer, "/api/service-desk/requests", "status", typeof(global::Mediation.ServiceDesk.RequestStatus)),
        .. EnumRows("desk enterprises status", DeskOfficer, "/api/service-desk/enterprises", "status", typeof(global::Mediation.ServiceDesk.EnterpriseStatus)),
        .. EnumRows("desk ledger kind", DeskOfficer, "/api/service-desk/ledger", "kind", typeof(global::Mediation.ServiceDesk.RequestKind)),
        .. EnumRows("desk ledger status", DeskOfficer, "/api/service-desk/ledger", "status", typeof(global::Mediation.ServiceDesk.RequestStatus)),
        .. EnumRows("desk page view", DeskOfficer, "/ServiceDesk", "view", typeof(global::Mediation.ServiceDesk.QueueView)),
        .. EnumRows("desk page status", DeskOfficer, "/ServiceDesk", "status", typeof(global::Mediation.ServiceDesk.RequestStatus)),
        .. EnumRows("desk portal filing kind", EnterpriseUser, "/ServiceDesk/Portal/File", "kind", typeof(global::Mediation.ServiceDesk.RequestKind)),
        .. EnumRows("org units kind", "demo.coordinator", "/api/org-units/", "kind", typeof(Mediation.Core.OrgUnits.Domain.OrgUnitKind)),
        .. EnumRows("cases page status", Mediator, "/Cases", "status", typeof(CaseStatus)),
        .. EnumRows("cases page risk", Mediator, "/Cases", "risk", typeof(RiskGrade)),
        .. EnumRows("cases page due", Mediator, "/Cases", "due", typeof(global::Mediation.Cases.Application.CaseDueFilter)),
        .. EnumRows("cases page dispute type", Mediator, "/Cases", "disputeType", typeof(global::Mediation.Cases.DisputeType)),
        .. EnumRows("cases page sort", Mediator, "/Cases", "sort", typeof(global::Mediation.Cases.Application.CaseListSort)),
        .. EnumRows("petitions page status", Officer, "/Petitions", "status", typeof(global::Mediation.Petitions.PetitionStatus)),
        .. EnumRows("petitions page category", Officer, "/Petitions", "category", typeof(global::Mediation.Petitions.PetitionCategory)),
        .. EnumRows("petitions page due", Officer, "/Petitions", "due", typeof(global::Mediation.Petitions.Application.PetitionDueFilter)),
        .. EnumRows("petitions page sort", Officer, "/Petitions", "sort", typeof(global::Mediation.Petitions.Application.PetitionListSort)),
        .. EnumRows("statistics page period", "demo.statistician", "/Statistics", "period", typeof(global::Mediation.Statistics.PeriodKind)),
        .. EnumRows("statistics page dispute type", "demo.statistician", "/Statistics", "disputeType", typeof(global::Mediation.Cases.DisputeType)),
        .. EnumRows("statistics page source", "demo.statistician", "/Statistics", "source", typeof(global::Mediation.Cases.CaseSource)),
        .. EnumRows("statistics records dispute type", "demo.statistician", "/Statistics/Records", "disputeType", typeof(global::Mediation.Cases.DisputeType)),
        .. EnumRows("statistics records source", "demo.statistician", "/Statistics/Records", "source", typeof(global::Mediation.Cases.CaseSource)),

        // Issue 19: the lists' new filters are enum parameters like any other.
        .. EnumRows("cases list status", Mediator, "/api/cases/", "status", typeof(CaseStatus)),
        .. EnumRows("cases list risk grade", Mediator, "/api/cases/", "riskGrade", typeof(RiskGrade)),
        // Issue 20: the case list filters and sorts on the server like the page.
        .. EnumRows("cases list due", Mediator, "/api/cases/", "due", typeof(global::Mediation.Cases.Application.CaseDueFilter)),
        .. EnumRows("cases list dispute type", Mediator, "/api/cases/", "disputeType", typeof(global::Mediation.Cases.DisputeType)),
        .. EnumRows("cases list sort", Mediator, "/api/cases/", "sort", typeof(global::Mediation.Cases.Application.CaseListSort)),
        new("cases list with a reversed date range", Mediator, "GET", "/api/cases?from=2026-03-02&to=2026-03-01", null, HttpStatusCode.BadRequest,
            "to", global::Mediation.Cases.CasesErrorCodes.ListRangeReversed, CoreErrorCodes.ValidationFailed),
        new("cases list of another county's unit", Mediator, "GET", "/api/cases?orgUnitId={foreignUnit}", null, HttpStatusCode.BadRequest,
            "orgUnitId", global::Mediation.Cases.CasesErrorCodes.ListUnitNotInScope, CoreErrorCodes.ValidationFailed),
        new("cases list from a date that is none", Mediator, "GET", "/api/cases?from=2026-02-30", null, HttpStatusCode.BadRequest,
            "from", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),
        .. EnumRows("petitions list status", Officer, "/api/petitions/", "status", typeof(global::Mediation.Petitions.PetitionStatus)),
        .. EnumRows("petitions list category", Officer, "/api/petitions/", "category", typeof(global::Mediation.Petitions.PetitionCategory)),
        .. EnumRows("petitions list due", Officer, "/api/petitions/", "due", typeof(global::Mediation.Petitions.Application.PetitionDueFilter)),
        .. EnumRows("petitions list sort", Officer, "/api/petitions/", "sort", typeof(global::Mediation.Petitions.Application.PetitionListSort)),
        new("petitions list with a reversed date range", Officer, "GET", "/api/petitions?from=2026-03-02&to=2026-03-01", null, HttpStatusCode.BadRequest,
            "to", global::Mediation.Petitions.PetitionsErrorCodes.ListRangeReversed, CoreErrorCodes.ValidationFailed),
        new("petitions list of another county's unit", Officer, "GET", "/api/petitions?orgUnitId={foreignUnit}", null, HttpStatusCode.BadRequest,
            "orgUnitId", global::Mediation.Petitions.PetitionsErrorCodes.ListUnitNotInScope, CoreErrorCodes.ValidationFailed),

        // Issue 20: the desk queue filters and sorts on the server like the case and petition lists.
        .. EnumRows("desk queue kind", DeskOfficer, "/api/service-desk/requests", "kind", typeof(global::Mediation.ServiceDesk.RequestKind)),
        .. EnumRows("desk queue sort", DeskOfficer, "/api/service-desk/requests", "sort", typeof(global::Mediation.ServiceDesk.Application.DeskRequestListSort)),
        .. EnumRows("desk page kind", DeskOfficer, "/ServiceDesk", "kind", typeof(global::Mediation.ServiceDesk.RequestKind)),
        .. EnumRows("desk page sort", DeskOfficer, "/ServiceDesk", "sort", typeof(global::Mediation.ServiceDesk.Application.DeskRequestListSort)),
        new("desk queue with a reversed date range", DeskOfficer, "GET", "/api/service-desk/requests?from=2026-03-02&to=2026-03-01", null,
            HttpStatusCode.BadRequest, "to", global::Mediation.ServiceDesk.ServiceDeskErrorCodes.ListRangeReversed, CoreErrorCodes.ValidationFailed),
        new("desk queue of another county's unit", DeskOfficer, "GET", "/api/service-desk/requests?orgUnitId={foreignUnit}", null, HttpStatusCode.BadRequest,
            "orgUnitId", global::Mediation.ServiceDesk.ServiceDeskErrorCodes.ListUnitNotInScope, CoreErrorCodes.ValidationFailed),
        // Issue 20: the legal-window service list filters and sorts on the server like the other lists.
        .. EnumRows("legal-window records kind", Advisor, "/api/legal-windows/records", "kind", typeof(global::Mediation.LegalWindows.ServiceKind)),
        .. EnumRows("legal-window records errand status", Advisor, "/api/legal-windows/records", "errandStatus", typeof(global::Mediation.LegalWindows.ErrandStatus)),
        .. EnumRows("legal-window records sort", Advisor, "/api/legal-windows/records", "sort",
            typeof(global::Mediation.LegalWindows.Application.ServiceRecordListSort)),
        .. EnumRows("legal-window records page kind", Advisor, "/LegalWindows/Records", "kind", typeof(global::Mediation.LegalWindows.ServiceKind)),
        .. EnumRows("legal-window records page errand status", Advisor, "/LegalWindows/Records", "errandStatus",
            typeof(global::Mediation.LegalWindows.ErrandStatus)),
        .. EnumRows("legal-window records page sort", Advisor, "/LegalWindows/Records", "sort",
            typeof(global::Mediation.LegalWindows.Application.ServiceRecordListSort)),
        new("legal-window records with a reversed date range", Advisor, "GET", "/api/legal-windows/records?from=2026-03-02&to=2026-03-01", null,
            HttpStatusCode.BadRequest, "to", global::Mediation.LegalWindows.LegalWindowsErrorCodes.ListRangeReversed, CoreErrorCodes.ValidationFailed),
        new("legal-window records of one day and a range", Advisor, "GET", "/api/legal-windows/records?on=2026-03-02&to=2026-03-05", null,
            HttpStatusCode.BadRequest, "on", global::Mediation.LegalWindows.LegalWindowsErrorCodes.ListDayWithRange, CoreErrorCodes.ValidationFailed),
        new("legal-window records of another county's unit", Advisor, "GET", "/api/legal-windows/records?orgUnitId={foreignUnit}", null,
            HttpStatusCode.BadRequest, "orgUnitId", global::Mediation.LegalWindows.LegalWindowsErrorCodes.ListUnitNotInScope, CoreErrorCodes.ValidationFailed),
        new("legal-window records of a window that is none", Advisor, "GET", $"/api/legal-windows/records?windowId={NoSuchId}", null,
            HttpStatusCode.BadRequest, "windowId", global::Mediation.LegalWindows.LegalWindowsErrorCodes.ListWindowNotInScope, CoreErrorCodes.ValidationFailed),
        new("legal-window records of an advisor who is none", Advisor, "GET", $"/api/legal-windows/records?advisorId={NoSuchId}", null,
            HttpStatusCode.BadRequest, "advisorId", global::Mediation.LegalWindows.LegalWindowsErrorCodes.ListAdvisorUnknown, CoreErrorCodes.ValidationFailed),
        new("legal-window records served on a day that is none", Advisor, "GET", "/api/legal-windows/records?from=2026-02-30", null,
            HttpStatusCode.BadRequest, "from", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),
        // Issue 19: every list pages; a page or size out of bounds is refused, never quietly capped.
        .. PagingRows("cases list", Mediator, "/api/cases", all: true),
        .. PagingRows("petitions list", Officer, "/api/petitions"),
        .. PagingRows("issued documents", Mediator, "/api/documents?recordType=MediationCase"),
        .. PagingRows("inbox", "demo.coordinator", "/api/notifications/inbox?orgUnitId={foreignUnit}"),
        .. PagingRows("legal-window records", Advisor, "/api/legal-windows/records"),
        .. PagingRows("desk queue", DeskOfficer, "/api/service-desk/requests?view=All"),
        .. PagingRows("desk visits", DeskOfficer, "/api/service-desk/visits"),
        .. PagingRows("desk enterprises", DeskOfficer, "/api/service-desk/enterprises"),
        .. PagingRows("portal requests", EnterpriseUser, "/api/service-desk/portal/requests"),
        .. PagingRows("proposed agenda items", "demo.coordinator.taian", "/api/joint-meetings/agenda-items/proposed"),
        .. PagingRows("joint-meeting tasks", "demo.coordinator.taian", "/api/joint-meetings/tasks?openOnly=true"),
        .. PagingRows("my joint-meeting tasks", "demo.memberunit", "/api/joint-meetings/tasks/mine"),

        // Statistics: periods and scope are checked before a figure is counted.
        new("statistics period as a flag combination", "demo.statistician", "GET", "/api/statistics/figures?period=Month,Year&year=2026", null,
            HttpStatusCode.BadRequest, "period", CoreErrorCodes.Validation.NotAMember),
        new("statistics from a word", "demo.statistician", "GET", "/api/statistics/figures?period=Custom&from=soon&to=2026-01-01", null,
            HttpStatusCode.BadRequest, "from", CoreErrorCodes.Validation.WrongFormat, CoreErrorCodes.MalformedRequest),
        new("statistics of another county", "demo.statistician", "GET", "/api/statistics/figures?orgUnitId={foreignUnit}", null, HttpStatusCode.NotFound),
        new("statistics drill-down into another county", "demo.statistician", "GET", "/api/statistics/figures/received/records?orgUnitId={foreignUnit}",
            null, HttpStatusCode.NotFound),
        new("statistics drill-down of a year out of range", "demo.statistician", "GET", "/api/statistics/figures/received/records?period=Year&year=99999",
            null, HttpStatusCode.BadRequest, "year", CoreErrorCodes.Validation.OutOfRange),

        // Integrations: the registry lists page; a work order's kind is one member by name, refused while the body is read (before the key is checked).
        .. PagingRows("integrating systems", "demo.systemadmin", "/api/integrations/systems"),
        .. PagingRows("callback delivery log", "demo.systemadmin", "/api/integrations/deliveries"),
        new("work order kind as a flag combination", Officer, "POST", "/api/integrations/work-orders", WorkOrderWithKind("\"Petition,DeskRequest\""),
            HttpStatusCode.BadRequest, "kind", CoreErrorCodes.Validation.NotAMember),
        new("work order kind as a number", Officer, "POST", "/api/integrations/work-orders", WorkOrderWithKind("1"),
            HttpStatusCode.BadRequest, "kind", CoreErrorCodes.Validation.NotAMember),
    ];

    private static string WorkOrderWithKind(string kind) =>
        $$"""{"number":"GD-1","channel":"12345热线","caller":{"name":"张某","phone":"13800138000"},"content":"噪音扰民","category":"环境","orgUnitCode":"370902","dueAt":"{{InThreeDays}}","kind":{{kind}}}""";

    /// <summary>A number, a number list, a flag combination, an unknown name and the parameter given twice: each a 400 naming it.</summary>
    public static IEnumerable<HostileProbe> EnumRows(string name, string user, string path, string parameter, Type enumType)
    {
        // Real member names, so only the combination or the repetition (not an unknown name) can be what is refused.
        var (first, second) = (Enum.GetNames(enumType)[0], Enum.GetNames(enumType)[1]);
        (string Kind, string Value)[] values =
        [
            ("as a number", "1"), ("as an out-of-range number", "99"), ("as numbers", "1,2"),
            ("as a flag combination", $"{first},{second}"), ("as an unknown name", "Everything"), ("given twice", $"{first}&{parameter}={first}"),
        ];
        return values.Select(v => new HostileProbe($"{name} {v.Kind}", user, "GET", $"{path}?{parameter}={v.Value}", null,
            HttpStatusCode.BadRequest, parameter, CoreErrorCodes.Validation.NotAMember, CoreErrorCodes.ValidationFailed));
    }

    /// <summary>
    /// Out of range (zero, negative, one past the bound) is a field error; a number past int (huge) a format error. Every list
    /// gets the two bounds; <paramref name="all"/> adds the rest once.
    /// </summary>
    public static IEnumerable<HostileProbe> PagingRows(string name, string user, string path, bool all = false)
    {
        var sep = path.Contains('?') ? '&' : '?';
        HostileProbe Row(string kind, string query, string field, string code, string problem) =>
            new($"{name} {kind}", user, "GET", $"{path}{sep}{query}", null, HttpStatusCode.BadRequest, field, code, problem);
        const string range = CoreErrorCodes.Validation.OutOfRange, format = CoreErrorCodes.Validation.WrongFormat;
        yield return Row("page 0", "page=0", "page", range, CoreErrorCodes.ValidationFailed);
        yield return Row("page size 201", "pageSize=201", "pageSize", range, CoreErrorCodes.ValidationFailed);
        if (!all) yield break;
        yield return Row("negative page", "page=-1", "page", range, CoreErrorCodes.ValidationFailed);
        yield return Row("page past the last allowed", "page=1000001", "page", range, CoreErrorCodes.ValidationFailed);
        yield return Row("negative page size", "pageSize=-5", "pageSize", range, CoreErrorCodes.ValidationFailed);
        yield return Row("page size 0", "pageSize=0", "pageSize", range, CoreErrorCodes.ValidationFailed);
        yield return Row("huge page", "page=99999999999999999999", "page", format, CoreErrorCodes.MalformedRequest);
        yield return Row("huge page size", "pageSize=2147483648", "pageSize", format, CoreErrorCodes.MalformedRequest);
        yield return Row("page as a word", "page=last", "page", format, CoreErrorCodes.MalformedRequest);
    }

    public static IEnumerable<object[]> Names => All.Select(p => new object[] { p.Name });
}

public abstract partial class HostileInput_Tests : ProviderTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(Mediation|System|Microsoft)\.[A-Z]|BytePositionInLine|Nullable`")]
    private static partial System.Text.RegularExpressions.Regex DotnetTypeName();

    private static readonly SemaphoreSlim SetupGate = new(1, 1);
    private static readonly Dictionary<MediationAppFactory, HostileTargets> Targets = [];

    private async Task<HostileTargets> TargetsAsync()
    {
        var app = await AppAsync();
        await SetupGate.WaitAsync();
        try
        {
            if (Targets.TryGetValue(app, out var known)) return known;
            var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
            var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
            var petition = await (await app.ClientAsAsync("demo.petitionofficer")).PostAsync("/api/petitions",
                new StringContent(HostileProbes.PetitionRegistration().ToJsonString(), Encoding.UTF8, "application/json"));
            petition.StatusCode.ShouldBe(HttpStatusCode.Created, await petition.Content.ReadAsStringAsync());
            var petitionId = (await petition.ReadJsonAsync()).GetProperty("id").GetGuid();
            await using var scope = app.Services.CreateAsyncScope();
            var daiyue = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<OrgUnit>()
                .Where(u => u.Code == "370911").Select(u => u.Id).SingleAsync();
            return Targets[app] = new HostileTargets(registered.Id, committee.Id, mediatorId, petitionId, registered.Parties[0].Id, daiyue, registered.ConcurrencyStamp);
        }
        finally
        {
            SetupGate.Release();
        }
    }

    [Theory]
    [MemberData(nameof(HostileProbes.Names), MemberType = typeof(HostileProbes))]
    public async Task A_hostile_request_is_a_problem_that_writes_nothing(string probeName)
    {
        var probe = HostileProbes.All.Single(p => p.Name == probeName);
        var targets = await TargetsAsync();
        var client = await ClientAsync(userName: probe.User);
        var correlationId = "hostile-" + Guid.NewGuid().ToString("N")[..12];
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), targets.Fill(probe.Url))
        {
            Content = probe.Body is null ? null : new StringContent(targets.Fill(probe.Body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Correlation-Id", correlationId);

        var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(probe.Status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        DotnetTypeName().IsMatch(body).ShouldBeFalse("a problem never names a .NET type: " + body);
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        if (probe.ProblemCode is not null) problem.GetProperty("code").GetString().ShouldBe(probe.ProblemCode, body);
        if (probe.Title is not null) problem.GetProperty("title").GetString().ShouldBe(probe.Title, body);
        if (probe.Field is not null)
        {
            var errors = problem.GetProperty("errors");
            errors.TryGetProperty(probe.Field, out var fieldErrors).ShouldBeTrue(body);
            if (probe.Code is not null) fieldErrors[0].GetProperty("code").GetString().ShouldBe(probe.Code, body);
        }

        await using (var scope = (await AppAsync()).Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            (await db.Set<AuditEntry>().CountAsync(a => a.CorrelationId == correlationId && a.Category == AuditCategory.Data)).ShouldBe(0);
        }
        var mediator = await ClientAsync(userName: "demo.mediator");
        (await mediator.GetAsync("/api/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await (await mediator.GetAsync($"/api/cases/{targets.Case}")).ReadAsync<CaseDto>();
        stored.RiskGrade.ShouldBe(RiskGrade.Blue);
        stored.RiskHistory.Count.ShouldBe(1);
    }
}

public sealed class HostileInput_Tests_on_Sqlite(SqliteApp app) : HostileInput_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class HostileInput_Tests_on_PostgreSql(PostgresCluster cluster) : HostileInput_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
