using Mediation.Core.Deadlines.Application;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using System.Text.Json.Nodes;
using Mediation.Core.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mediation.Host;

/// <summary>
/// What /openapi/v1.json promises integrators beyond what the generator sees: tag descriptions, the problem responses every
/// endpoint can give, times and dates typed although a custom converter writes them, enum members with their Chinese labels,
/// and "required" only where a client must send or will always receive a value.
/// </summary>
internal static class ApiContract
{
    public const string ProblemSchema = "ProblemDetails";

    /// <summary>One line per tag; a module that maps endpoints adds its line here (OpenApiContract_Tests fails otherwise).</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Auth"] = "登录、令牌、退出登录与动态口令（TOTP）绑定",
        ["Identity"] = "用户、角色与权限管理（三权分立）",
        ["Audit"] = "审计日志哈希链校验",
        ["OrgUnits"] = "组织机构树：市、县市区、乡镇街道、村社区、网格；各单位的发文机关",
        ["Calendar"] = "工作日历（法定节假日、调休）与期限政策",
        ["Deadlines"] = "期限计时、临期与超期看板",
        ["Notifications"] = "本单位收件箱：提醒、催办、督办、通报",
        ["Documents"] = "文书模板、已出具文书的归档、重印与校验",
        ["Exports"] = "后台导出：台账、报表在后台生成，查询进度并下载（仅申请人本人可见）",
        ["cases"] = "人民调解案件：登记、调解笔录、结案、调解协议书、司法确认、回访",
        ["petitions"] = "信访事项：登记、受理、办理、答复、复查复核、转交人民调解（访调对接）",
        ["legal-windows"] = "村（社区）法律顾问服务窗口：值班、服务记录、民事代办、转交调解",
        ["service-desk"] = "接诉即办：建筑企业诉求、首问负责、一次性告知、办结与评价",
        ["joint-meetings"] = "联席会议：议题、会议、交办任务与督办",
        ["statistics"] = "统计指标、穿透查询与统计报告",
        ["integrations"] = "系统对接：登记外部系统（12345热线等），以接口密钥推送工单，状态变化签名回调，回调投递日志",
    };

    private static readonly (int Status, string Description)[] Problems =
    [
        (400, "输入无效：格式错误或字段校验未通过（errors 按字段列出）"),
        (401, "未登录，或令牌已失效"),
        (403, "缺少所需权限"),
        (404, "记录不存在，或不在当前用户的数据范围内"),
        (409, "并发冲突：concurrencyStamp 已过期，或同一 Idempotency-Key 的请求仍在处理"),
        (422, "违反业务规则（code 指明哪一条）"),
    ];

    /// <summary>Enums whose labels the pages keep under another name than the type's.</summary>
    private static readonly Dictionary<string, string> EnumLabelPrefixes = new(StringComparer.Ordinal)
    {
        ["AdvisorKind"] = "CasesUi:ParticipantRole",
        ["AgendaItemStatus"] = "JointMeetingsUi:ItemStatus",
        ["AssignedTaskStatus"] = "JointMeetingsUi:TaskStatus",
        ["AttendanceStatus"] = "JointMeetingsUi:Attendance",
        ["CaseDueFilter"] = "CasesUi:CaseDueFilter",
        ["CaseListSort"] = "CasesUi:CaseListSort",
        ["DeskRequestListSort"] = "ServiceDeskUi:DeskRequestListSort",
        ["ErrandStatus"] = "LegalWindowsUi:ErrandStatus",
        ["EscalationKind"] = "DeadlineStepKind",
        ["LegalRoute"] = "ServiceDeskUi:Route",
        ["LinkedRecordType"] = "JointMeetingsUi:Linked",
        ["MediationResult"] = "CasesUi:CaseOutcome",
        ["MeetingLevel"] = "OrgUnitKind",
        ["OpinionKind"] = "PetitionsUi:Opinion",
        ["OpinionState"] = "PetitionsUi:OpinionState",
        ["PetitionCategory"] = "PetitionsUi:Category",
        ["PetitionChannel"] = "PetitionsUi:Channel",
        ["PetitionDueFilter"] = "PetitionsUi:PetitionDueFilter",
        ["PetitionEventKind"] = "PetitionsUi:Event",
        ["PetitionListSort"] = "PetitionsUi:PetitionListSort",
        ["PetitionNoticeKind"] = "PetitionsUi:Notice",
        ["QueueView"] = "ServiceDeskUi:View",
        ["RequestKind"] = "ServiceDeskUi:Kind",
        ["ServiceKind"] = "LegalWindowsUi:Kind",
        ["ServiceRating"] = "ServiceDeskUi:Rating",
        ["ServiceRecordListSort"] = "LegalWindowsUi:ServiceRecordListSort",
        ["SupervisionKind"] = "JointMeetingsUi:Supervision",
        ["TaskReportKind"] = "JointMeetingsUi:Report",
    };

    public static string? EnumLabelPrefix(Type type) => EnumLabelPrefixes.GetValueOrDefault(type.Name);

    public static OpenApiOptions AddMediationContract(this OpenApiOptions options) => options
        .AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[ProblemSchema] = ProblemDetailsSchema();
            document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
            foreach (var (status, description) in Problems)
            {
                document.Components.Responses[ProblemResponse(status)] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                    },
                };
            }
            // The API is wherever the document was fetched from; the same document on every host (and in the checked-in client).
            document.Servers = [new OpenApiServer { Url = "/" }];
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
            return Task.CompletedTask;
        })
        .AddOperationTransformer((operation, context, _) =>
        {
            if (!context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) ?? true) return Task.CompletedTask;
            operation.Responses ??= new OpenApiResponses();
            DescribePaging(operation);
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is OpenApiParameter { Name: ConcurrencyStampRule.Field } stampParameter) stampParameter.Required = true;
            }
            // Generated clients send no token where none is needed (the document's default is the bearer scheme).
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()) operation.Security = [];
            foreach (var (status, description) in Problems)
            {
                if (!Applies(status, context) || operation.Responses.ContainsKey(status.ToString())) continue;
                operation.Responses[status.ToString()] = new OpenApiResponseReference(ProblemResponse(status), context.Document);
            }
            return Task.CompletedTask;
        })
        .AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            var nullable = type != context.JsonTypeInfo.Type;
            // The web defaults also read numbers from JSON strings, and the generator says "integer or string matching a pattern";
            // responses always write numbers, and generated clients could not type such a property (a default of "0" for an int).
            if (schema.Type is { } numeric && numeric.HasFlag(JsonSchemaType.String) && (numeric & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
            {
                schema.Type = numeric & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            // ChinaTimeJsonConverter writes DateTimeOffset; the generator cannot see inside a converter and leaves the type out.
            if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            {
                schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                schema.Format = "date-time";
            }
            else if (type == typeof(DateOnly))
            {
                schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                schema.Format = "date";
            }
            else if (schema.Properties is { Count: > 0 } && schema.Required is { Count: > 0 })
            {
                // The generator marks every constructor parameter required; a nullable one or one with a default may be left out.
                foreach (var property in context.JsonTypeInfo.Properties)
                {
                    if (property.IsGetNullable || property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null
                        || property.AssociatedParameter is { HasDefaultValue: true } or { IsNullable: true })
                        schema.Required.Remove(property.Name);
                }
            }
            if (type.Name.EndsWith("Input", StringComparison.Ordinal) && type != typeof(PutCalendarYearInput)
                && schema.Properties?.ContainsKey(ConcurrencyStampRule.Field) == true)
            {
                // Every change of a stored record must name the version it read (MediationDbContext.ExpectConcurrencyStamp);
                // a calendar year is the one upsert: its first PUT has no stamp to send.
                schema.Required ??= new HashSet<string>();
                schema.Required.Add(ConcurrencyStampRule.Field);
            }
            return Task.CompletedTask;
        })
        .AddSchemaTransformer<EnumLabelsSchemaTransformer>();

    /// <summary>The paging convention (Mediation.Core.Web.Paging) on every list that takes page and pageSize.</summary>
    private static void DescribePaging(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter is not { Name: "page" or "pageSize", Schema: OpenApiSchema schema }) continue;
            var size = parameter.Name == "pageSize";
            schema.Minimum = "1";
            schema.Maximum = (size ? Mediation.Core.Web.Paging.MaxPageSize : Mediation.Core.Web.Paging.MaxPage).ToString(System.Globalization.CultureInfo.InvariantCulture);
            schema.Default = size ? Mediation.Core.Web.Paging.DefaultPageSize : 1;
            parameter.Description = size ? $"每页条数，1–{Mediation.Core.Web.Paging.MaxPageSize}，默认 {Mediation.Core.Web.Paging.DefaultPageSize}" : "页码，从 1 开始";
        }
        if (operation.Parameters?.Any(p => p.Name == "page") == true)
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "") + Mediation.Core.Web.Paging.Description;
    }

    private static string ProblemResponse(int status) => "Problem" + status;

    private static bool Applies(int status, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        // A system's API key stands for a session there: no key is a 401, a key without the right a 403.
        var apiKey = metadata.OfType<Mediation.Core.Web.ApiKeyEndpointMetadata>().Any();
        var write = !string.Equals(context.Description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
        return status switch
        {
            401 => !anonymous || apiKey,
            403 => apiKey || (!anonymous && metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null)),
            404 => context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path),
            409 or 422 => write,
            _ => true,
        };
    }

    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 问题详情：code 是稳定的错误代码（如 Cases:AlreadyConcluded），title 是按 Accept-Language 给出的说明",
        Required = new HashSet<string> { "type", "title", "status", "code", "correlationId" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "urn:mediation:error:<code>" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "错误说明（请求的语言）" },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "请求路径" },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "稳定的错误代码，如 Core:EntityNotFound" },
            ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "关联编号，与 X-Correlation-Id 响应头相同" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "字段错误，按 JSON 字段名列出",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "code", "message" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                },
            },
        },
    };
}

/// <summary>
/// Each enum member with its Chinese label from the localization: <c>x-enum-descriptions</c> (what client generators read) and
/// the description (what people read). A label is the key <c>Type:Member</c>, or the pages' <c>…:Type:Member</c>.
/// </summary>
internal sealed class EnumLabelsSchemaTransformer(TextCatalog texts) : IOpenApiSchemaTransformer
{
    private readonly IReadOnlyDictionary<string, string> _labels = Labels(texts.TextsOf(TextCatalog.DefaultCulture));

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum) return Task.CompletedTask;
        var names = Enum.GetNames(type);
        var prefix = ApiContract.EnumLabelPrefix(type);
        var labels = names.Select(n => _labels.GetValueOrDefault(type.Name + ":" + n)
            ?? (prefix is null ? null : texts.Find(prefix + ":" + n, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (labels.All(l => l is null)) return Task.CompletedTask;
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions["x-enum-descriptions"] = new JsonNodeExtension(new JsonArray([.. labels.Select(l => (JsonNode?)(l ?? ""))]));
        schema.Description = string.Join("；", names.Zip(labels, (n, l) => l is null ? n : $"{n}：{l}"));
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> Labels(IReadOnlyDictionary<string, string> texts)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        // The exact key wins over a page's prefixed one (CasesUi:RiskGrade:Blue).
        foreach (var (key, text) in texts.OrderBy(t => t.Key.Count(c => c == ':')))
        {
            var parts = key.Split(':');
            if (parts.Length < 2) continue;
            labels.TryAdd(parts[^2] + ":" + parts[^1], text);
        }
        return labels;
    }
}
