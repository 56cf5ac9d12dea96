using Mediation.Core.Documents.Templates;
using Mediation.Core.Notifications.Application;
using Microsoft.Extensions.Options;
using Shouldly;
using Mediation.Web.Documents.Templates;

namespace Mediation.Tests.Documents;

/// <summary>GB/T 9704 不编虚位 for dates, and 大写 amounts as financial papers write them.</summary>
public sealed class ChineseText_Tests
{
    [Fact]
    public void Dates_have_no_leading_zeros_and_instants_are_shown_in_china_time()
    {
        ChineseDates.Format(new DateOnly(2026, 3, 1)).ShouldBe("2026年3月1日");
        ChineseDates.Format(new DateTime(2026, 10, 9, 8, 5, 0)).ShouldBe("2026年10月9日");
        ChineseDates.Format(new DateTimeOffset(2026, 2, 28, 17, 0, 0, TimeSpan.Zero)).ShouldBe("2026年3月1日");
        ChineseDates.FormatWithTime(new DateTime(2026, 3, 1, 9, 5, 0)).ShouldBe("2026年3月1日 9:05");
        ChineseDates.FormatAny("2026-03-01").ShouldBe("2026年3月1日");
        ChineseDates.FormatAny(null).ShouldBe("");
    }

    [Theory]
    [InlineData("3200", "人民币叁仟贰佰元整")]
    [InlineData("3500.5", "人民币叁仟伍佰元伍角")]
    [InlineData("1005.07", "人民币壹仟零伍元零柒分")]
    [InlineData("100010", "人民币壹拾万零壹拾元整")]
    [InlineData("200300", "人民币贰拾万零叁佰元整")]
    [InlineData("100010000", "人民币壹亿零壹万元整")]
    [InlineData("100000001", "人民币壹亿零壹元整")]
    [InlineData("10", "人民币壹拾元整")]
    [InlineData("0.07", "人民币柒分")]
    [InlineData("0", "人民币零元整")]
    [InlineData("12345678.9", "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角")]
    public void Amounts_are_written_in_capital_numerals(string amount, string expected) =>
        ChineseAmounts.Capital(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void A_negative_amount_has_no_capital_form() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ChineseAmounts.Capital(-1m));

    [Fact]
    public void Every_document_template_can_call_cn_date_and_cn_amount()
    {
        var spec = DocumentTemplateRenderer.Render("t", "{{ cn_date signed }}，{{ cn_amount amount }}",
            new Dictionary<string, object?> { ["signed"] = new DateTime(2026, 3, 1), ["amount"] = 3200m });
        ((Mediation.Core.Documents.Layout.Paragraph)spec.Blocks.Single()).Text.ShouldBe("2026年3月1日，人民币叁仟贰佰元整");
    }

    [Fact]
    public void Notices_print_dates_with_the_same_function()
    {
        var folder = Path.GetDirectoryName(TemplateFolder.Find(null, AppContext.BaseDirectory))!;
        var templates = new NoticeTemplates(Options.Create(new NotificationOptions { TemplatesPath = Path.Combine(folder, "notices") }));
        var notice = templates.Render("deadline-reminder", new Dictionary<string, object?>
        {
            ["unit_name"] = "岱庙街道", ["record"] = "信访事项泰山信〔2026〕3号", ["holder"] = "", ["policy_name"] = "受理告知期限", ["policy_description"] = "d",
            ["with_time"] = false, ["due_date"] = new DateTime(2026, 3, 1), ["due_at"] = new DateTime(2026, 3, 1, 23, 59, 59), ["issued_on"] = new DateTime(2026, 2, 26),
        });
        notice.Subject.ShouldBe("【期限提醒】信访事项泰山信〔2026〕3号的受理告知期限将于2026年3月1日届满");
        notice.Body.ShouldEndWith("2026年2月26日");
        var hourly = templates.Render("deadline-reminder", new Dictionary<string, object?>
        {
            ["unit_name"] = "岱庙街道", ["record"] = "", ["holder"] = "", ["policy_name"] = "派单期限", ["policy_description"] = "d",
            ["with_time"] = true, ["due_date"] = new DateTime(2026, 3, 1), ["due_at"] = new DateTime(2026, 3, 1, 9, 5, 0), ["issued_on"] = new DateTime(2026, 3, 1),
        });
        hourly.Body.ShouldContain("你单位办理的事项，派单期限将于2026年3月1日 9:05届满");
        notice.Body.ShouldNotContain("03月");
    }

    [Fact]
    public void A_notice_render_neither_rebuilds_scribans_builtins_nor_builds_a_template_context()
    {
        // The deadline sweep renders one notice per overdue clock. A TemplateContext made without the shared builtins clones
        // every Scriban builtin and reflects over each imported function: about 77 KB a notice, against 46 KB with them; and the
        // two contexts a notice (subject, body) were most of those 46 KB: reused, a notice allocates about 1.5 KB (issue 17, P2).
        // Allocations, not time, so the check holds on a loaded machine.
        var folder = Path.GetDirectoryName(TemplateFolder.Find(null, AppContext.BaseDirectory))!;
        var templates = new NoticeTemplates(Options.Create(new NotificationOptions { TemplatesPath = Path.Combine(folder, "notices") }));
        var model = new Dictionary<string, object?>
        {
            ["unit_name"] = "岱庙街道", ["record"] = "信访事项泰山信〔2026〕3号", ["holder"] = "", ["policy_name"] = "受理告知期限", ["policy_description"] = "d",
            ["with_time"] = false, ["due_date"] = new DateTime(2026, 3, 1), ["due_at"] = new DateTime(2026, 3, 1, 23, 59, 59), ["issued_on"] = new DateTime(2026, 2, 26),
        };
        for (var i = 0; i < 20; i++) templates.Render("deadline-reminder", model);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) templates.Render("deadline-reminder", model);
        var perNotice = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        perNotice.ShouldBeLessThan(8_000, $"{perNotice} bytes a notice");
    }

    [Fact]
    public void A_reused_template_context_renders_each_notice_as_a_fresh_one_does()
    {
        // A storm renders thousands of notices into a few reused contexts (NoticeTemplates); each text must be the one a context of
        // its own gives, whatever was rendered before it: a value left from an earlier model (a holder, a supervisor) or a date
        // format would put another clock's words into an official notice.
        var folder = Path.GetDirectoryName(TemplateFolder.Find(null, AppContext.BaseDirectory))!;
        NoticeTemplates Templates() => new(Options.Create(new NotificationOptions { TemplatesPath = Path.Combine(folder, "notices") }));
        Dictionary<string, object?> Model(string step, string record, string holder, string supervisor, bool withTime, int day) => new()
        {
            ["step"] = "Urge", ["step_name"] = step, ["record"] = record, ["holder"] = holder, ["policy_name"] = "受理告知期限",
            ["policy_description"] = "信访工作条例（2022）第二十三条", ["with_time"] = withTime, ["due_date"] = new DateTime(2026, 3, day),
            ["due_at"] = new DateTime(2026, 3, day, 9, 5, 0), ["unit_name"] = "泰安市泰山区人民政府岱庙街道办事处",
            ["supervisor_name"] = supervisor, ["issued_on"] = new DateTime(2026, 3, day + 2),
        };
        var notices = new (string Template, Dictionary<string, object?> Model)[]
        {
            ("deadline-escalation", Model("催办", "信访事项泰山信〔2026〕12号", "张三", "泰安市泰山区人民政府", false, 7)),
            ("deadline-escalation", Model("督办", "", "", "", true, 9)),
            ("deadline-reminder", Model("期限提醒", "调解案件岱调〔2026〕1号", "李四", "", false, 17)),
            // Keys missing altogether, after models that had them: the context's globals from before must be gone.
            ("deadline-escalation", new Dictionary<string, object?> { ["step_name"] = "通报", ["policy_name"] = "调解期限", ["issued_on"] = new DateTime(2026, 10, 1) }),
            ("deadline-reminder", Model("期限提醒", "", "", "", true, 1)),
        };
        // Each rendered first by a NoticeTemplates of its own, into a new context.
        var fresh = notices.Select(n => Templates().Render(n.Template, n.Model)).ToList();

        var reused = Templates();
        for (var round = 0; round < 2; round++)
            foreach (var i in round == 0 ? Enumerable.Range(0, notices.Length) : Enumerable.Range(0, notices.Length).Reverse())
                reused.Render(notices[i].Template, notices[i].Model).ShouldBe(fresh[i], $"notice {i}, round {round}");

        // And they read right: the body's issuing body, the statute's article, GB/T 9704 dates, no value from another notice.
        fresh[0].Subject.ShouldBe("【催办】信访事项泰山信〔2026〕12号的受理告知期限已于2026年3月7日届满");
        fresh[0].Body.ShouldStartWith("泰安市泰山区人民政府岱庙街道办事处：");
        fresh[0].Body.ShouldContain("承办：张三");
        fresh[0].Body.ShouldContain("依据：信访工作条例（2022）第二十三条");
        fresh[0].Body.ShouldEndWith("泰安市泰山区人民政府\n2026年3月9日");
        fresh[1].Subject.ShouldBe("【督办】受理告知期限已于2026年3月9日 9:05届满");
        fresh[1].Body.ShouldNotContain("承办");
        fresh[1].Body.ShouldContain("报上级机关");
        fresh[3].Body.ShouldNotContain("岱庙");
        fresh[3].Body.ShouldEndWith("2026年10月1日");
    }

    [Fact]
    public void A_template_cannot_change_the_functions_every_later_render_shares()
    {
        // One frozen set of builtins serves every render (TemplateFunctions.Builtins), and document templates can be edited
        // by an administrator: an assignment into it is a template error, never a change the next document prints with.
        foreach (var meddling in new[] { "{{ date.format = '%d' }}", "{{ string.extra = 1 }}", "{{ string.upcase = 1 }}" })
            Should.Throw<Mediation.Core.Domain.BusinessException>(() => DocumentTemplateRenderer.Render("probe", meddling, new Dictionary<string, object?>()))
                .Code.ShouldBe(Mediation.Core.Documents.Domain.DocumentsErrorCodes.TemplateError, meddling);

        // A top-level name of the template's own shadows a function for that render only.
        var own = DocumentTemplateRenderer.Render("probe", "{{ cn_date = '自定' }}{{ cn_date }}", new Dictionary<string, object?>());
        ((Mediation.Core.Documents.Layout.Paragraph)own.Blocks.Single()).Text.ShouldBe("自定");
        var next = DocumentTemplateRenderer.Render("probe", "{{ cn_date d }}，{{ d | date.to_string '%Y' }}",
            new Dictionary<string, object?> { ["d"] = new DateTime(2026, 3, 1) });
        ((Mediation.Core.Documents.Layout.Paragraph)next.Blocks.Single()).Text.ShouldBe("2026年3月1日，2026");
    }

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, "女")]
    [InlineData("370902198001011230", 1980, 1, 1, "男")]
    public void An_id_card_number_states_the_birth_date_and_sex(string number, int year, int month, int day, string sex)
    {
        var read = Mediation.Core.PersonalData.ChineseIdentifiers.ReadIdCardNumber(number).ShouldNotBeNull();
        read.BirthDate.ShouldBe(new DateOnly(year, month, day));
        read.Sex.ShouldBe(sex);
        Mediation.Core.PersonalData.ChineseIdentifiers.ReadIdCardNumber("110105194912310021").ShouldBeNull();
    }

    [Fact]
    public void The_session_minutes_open_with_the_rights_and_duties_the_parties_were_told()
    {
        var folder = TemplateFolder.Find(null, AppContext.BaseDirectory)!;
        var spec = DocumentTemplateRenderer.Render("session-minutes", File.ReadAllText(Path.Combine(folder, "session-minutes.sbn")), new Dictionary<string, object?>
        {
            ["number"] = "1", ["issued_on"] = new DateTime(2026, 3, 2), ["committee"] = "岱庙街道人民调解委员会", ["case_number"] = "岱庙调〔2026〕1号",
            ["session_number"] = 1, ["held_at"] = "2026年3月2日 9:30", ["place"] = "调解室", ["dispute_type"] = "邻里纠纷", ["summary"] = "排水",
            ["attendees"] = "张调解", ["invited"] = "", ["mediator"] = "张调解", ["recorded_by"] = "张调解",
            ["parties"] = new List<object?> { new Dictionary<string, object?> { ["role"] = "甲方", ["name"] = "王某" } },
            ["statements"] = new List<object?> { new Dictionary<string, object?> { ["role"] = "甲方", ["name"] = "王某", ["statement"] = "沟是老沟" } },
            ["minutes"] = new List<object?> { "释法说理" }, ["sign_rows"] = new List<object?> { new List<object?> { "张调解（签名）" } },
        });
        var text = string.Concat(PdfText.PageTexts(PdfText.Write(spec)));
        text.IndexOf("权利义务告知", StringComparison.Ordinal).ShouldBeGreaterThan(0);
        text.IndexOf("权利义务告知", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("陈述：", StringComparison.Ordinal));
        text.ShouldContain("如实陈述纠纷事实");
    }
}
