namespace Mediation.Petitions.Domain;

/// <summary>What the written decisions say, in the words an official would sign (信访工作条例 2022).</summary>
internal static class PetitionWording
{
    /// <summary>The basis of a reply on a mediated agreement: Arts. 33 and 37 of the 条例, Arts. 28 and 31 of 人民调解法 (agreement, binding force).</summary>
    public const string MediatedReplyBasis = "《信访工作条例》第三十三条、第三十七条，《中华人民共和国人民调解法》第二十八条、第三十一条";

    public static string Citation(NonAcceptanceGround ground) => "《信访工作条例》" + ground switch
    {
        NonAcceptanceGround.RepeatToHigherBody => "第十九条第三款",
        NonAcceptanceGround.ForwardedByArticle22 => "第二十二条第二款",
        NonAcceptanceGround.LitigationRightsRelief => "第二十八条第二款",
        NonAcceptanceGround.JudicialProcedure => "第三十一条第一项",
        NonAcceptanceGround.Arbitration => "第三十一条第二项",
        NonAcceptanceGround.PartyAppeal => "第三十一条第三项",
        NonAcceptanceGround.AdministrativeProcedure => "第三十一条第四项",
        NonAcceptanceGround.StatutoryDuty => "第三十一条第五项",
        _ => "第三十六条第三款",
    };

    /// <summary>What the petitioner may do instead, as the notice tells it.</summary>
    public static string Route(NonAcceptanceGround ground) => ground switch
    {
        NonAcceptanceGround.RepeatToHigherBody => "该信访事项已经受理或者正在办理，请等待受理、办理机关的答复。",
        NonAcceptanceGround.ForwardedByArticle22 => "涉法涉诉事项由同级政法部门依法处理，检举控告事项由有关纪检监察机关依规依纪依法处理，请向其提出。",
        NonAcceptanceGround.LitigationRightsRelief => "涉及民事、行政、刑事等诉讼权利救济的事项，请依法向有关政法部门提出。",
        NonAcceptanceGround.JudicialProcedure => "该请求应当通过审判机关诉讼程序或者复议程序、检察机关刑事立案程序或者法律监督程序、公安机关法律程序处理，请依照法律法规规定的程序提出。",
        NonAcceptanceGround.Arbitration => "该请求应当通过仲裁解决，请依法申请仲裁。",
        NonAcceptanceGround.PartyAppeal => "该请求可以通过党员申诉、申请复审等程序解决，请依照相应程序提出。",
        NonAcceptanceGround.AdministrativeProcedure => "该请求可以通过行政复议、行政裁决、行政确认、行政许可、行政处罚等行政程序解决，请向有关行政机关提出。",
        NonAcceptanceGround.StatutoryDuty => "该请求属于申请查处违法行为、履行保护人身权或者财产权等法定职责的事项，请向负有该职责的机关提出，由其依法履行或者答复。",
        _ => "该事项已经复核，您仍以同一事实和理由提出投诉请求的，各级机关不再受理。",
    };

    /// <summary>Art. 32: the decision for this petitioner, never the statute's conditional sentence.</summary>
    public static string Decision(OpinionDecision decision, string explanation) => decision switch
    {
        OpinionDecision.Support => "经调查核实，您的请求事实清楚，符合法律、法规、规章或者其他有关规定，本机关予以支持。",
        OpinionDecision.Explain => $"经调查核实，您的请求事由合理，但缺乏法律依据，本机关作出如下解释说明：{explanation.TrimEnd('。')}。",
        _ => "经调查核实，您的请求缺乏事实根据或者不符合法律、法规、规章或者其他有关规定，本机关不予支持。",
    };

    /// <summary>Arts. 33, 37: the matter was resolved by the 调解协议 that took effect on <paramref name="effectiveOn"/>.</summary>
    public static string MediatedDecision(DateOnly effectiveOn) =>
        $"经调解，双方当事人达成的调解协议已于{Date(effectiveOn)}生效，您反映的问题已通过人民调解化解，本机关对该信访事项予以办结。";

    public static string OpinionTitle(OpinionKind kind) => kind switch
    {
        OpinionKind.Review => "信访事项复查意见书",
        OpinionKind.Reexamination => "信访事项复核意见书",
        _ => "信访事项处理意见书",
    };

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>The item's class as the timeline and notices name it (Arts. 29–31).</summary>
    public static string Classification(PetitionCategory category, GrievanceRoute? route) => category switch
    {
        PetitionCategory.Suggestion => "建议意见类（《信访工作条例》第二十九条）",
        PetitionCategory.Accusation => "检举控告类（《信访工作条例》第三十条）",
        _ => $"申诉求决类（《信访工作条例》第三十一条{(route is { } r ? Item(r) : "")}）",
    };

    /// <summary>第三十一条第一项 … 第六项.</summary>
    public static string Item(GrievanceRoute route) => route switch
    {
        GrievanceRoute.JudicialProcedure => "第一项",
        GrievanceRoute.Arbitration => "第二项",
        GrievanceRoute.PartyAppeal => "第三项",
        GrievanceRoute.AdministrativeProcedure => "第四项",
        GrievanceRoute.StatutoryDuty => "第五项",
        _ => "第六项",
    };

    /// <summary>Art. 31 (一)–(五): the procedure the petitioner is led into.</summary>
    public static string ProcedureOf(GrievanceRoute route) => route switch
    {
        GrievanceRoute.JudicialProcedure => "审判机关诉讼程序或者复议程序、检察机关刑事立案程序或者法律监督程序、公安机关法律程序",
        GrievanceRoute.Arbitration => "仲裁程序",
        GrievanceRoute.PartyAppeal => "党员申诉、申请复审程序",
        GrievanceRoute.AdministrativeProcedure => "行政复议、行政裁决、行政确认、行政许可、行政处罚等行政程序",
        GrievanceRoute.StatutoryDuty => "有关机关依法履行查处违法行为、保护人身权或者财产权等合法权益职责的程序",
        _ => "信访事项办理程序",
    };

    /// <summary>What the petitioner may do now, as the Art. 31 notice tells it (the same words as a non-acceptance on that ground).</summary>
    public static string Route(GrievanceRoute route) => route switch
    {
        GrievanceRoute.JudicialProcedure => Route(NonAcceptanceGround.JudicialProcedure),
        GrievanceRoute.Arbitration => Route(NonAcceptanceGround.Arbitration),
        GrievanceRoute.PartyAppeal => Route(NonAcceptanceGround.PartyAppeal),
        GrievanceRoute.AdministrativeProcedure => Route(NonAcceptanceGround.AdministrativeProcedure),
        _ => Route(NonAcceptanceGround.StatutoryDuty),
    };

    public static string Outcome(SuggestionOutcome outcome) => outcome switch
    {
        SuggestionOutcome.Adopted => "予以采纳",
        SuggestionOutcome.PartlyAdopted => "部分采纳",
        _ => "暂不采纳",
    };

    /// <summary>The timeline's record of service: which reply, how, the day it was received.</summary>
    public static string Service(OpinionKind kind, ServiceMethod method, DateOnly servedOn, string? reference)
    {
        var what = kind switch { OpinionKind.Review => "复查意见书", OpinionKind.Reexamination => "复核意见书", _ => "处理意见书" };
        var how = method switch
        {
            ServiceMethod.InPerson => "当场送达",
            ServiceMethod.Post => "邮寄送达，回执载明收件日期",
            _ => "电子送达，到达信访人系统",
        };
        return $"{what}于{Date(servedOn)}{how}" + (string.IsNullOrWhiteSpace(reference) ? "" : $"（{reference}）");
    }
}
