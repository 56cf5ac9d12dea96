using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Petitions;
using Mediation.Petitions.Domain;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>信访工作条例 Arts. 35, 36 (the request windows run from service) and Arts. 29–31 (classification at acceptance).</summary>
public sealed class PetitionServiceAndClassification_Tests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly IssuedOn = new(2026, 3, 2);

    private static Petition Registered() => Petition.Register(Guid.NewGuid(), Guid.NewGuid(), new PetitionNumber(2026, 1), "泰山", PetitionChannel.Letter,
        Now.AddDays(-1), [Petitioner.Create("王某", new ProtectedValue("1101**********002X", "cipher", "hash"), null, "岱东社区")],
        "宅基地被占", "恢复界址", "岱东社区", null, "demo.petitionofficer", Now.AddDays(-1));

    private static Petition Replied()
    {
        var petition = Registered();
        petition.Accept(PetitionClassification.Handling, "x", Now.AddDays(-1));
        petition.Reply(OpinionDecision.NotSupport, "恢复界址", "经查……", "《土地管理法》第十四条", petition.OrgUnitId, "x", Now);
        petition.SignOff(OpinionKind.Reply, OpinionSignOff_Tests.HeadOf(petition.OrgUnitId), Now);
        return petition;
    }

    private static void ShouldRefuse(Action action, string code) => Should.Throw<BusinessException>(action).Code.ShouldBe(code);

    [Fact]
    public void An_unserved_reply_has_no_running_window_so_a_late_request_is_still_in_time()
    {
        // Art. 35: 自收到书面答复之日起30日内 — the period cannot have run out before the reply reached the petitioner.
        var petition = Replied();
        petition.RequestReview(Now.AddDays(200), null, "x", Now.AddDays(200));
        petition.Status.ShouldBe(PetitionStatus.UnderReview);
    }

    [Fact]
    public void A_served_reply_opens_the_window_from_the_receipt_date_and_a_request_after_it_is_refused()
    {
        var petition = Replied();
        petition.RecordService(OpinionKind.Reply, ServiceMethod.Post, IssuedOn.AddDays(4), "EMS1190", IssuedOn.AddDays(5), "x", Now.AddDays(5)).ShouldBeTrue();
        var opinion = petition.LatestOpinion(OpinionKind.Reply)!;
        (opinion.ServiceMethod, opinion.ServedOn, opinion.ServiceReference).ShouldBe((ServiceMethod.Post, IssuedOn.AddDays(4), "EMS1190"));
        petition.Events[^1].Kind.ShouldBe(PetitionEventKind.OpinionServed);
        petition.Events[^1].Detail.ShouldBe("处理意见书于2026年3月6日邮寄送达，回执载明收件日期（EMS1190）");
        ShouldRefuse(() => petition.RequestReview(Now.AddDays(40), Now.AddDays(34), "x", Now.AddDays(40)), PetitionsErrorCodes.RequestPeriodOver);
    }

    [Fact]
    public void Service_is_dated_between_the_issue_and_today_and_recorded_once()
    {
        ShouldRefuse(() => Registered().RecordService(OpinionKind.Reply, ServiceMethod.InPerson, IssuedOn, null, IssuedOn, "x", Now),
            PetitionsErrorCodes.NoOpinionToServe);
        ShouldRefuse(() => Replied().RecordService(OpinionKind.Reply, ServiceMethod.InPerson, IssuedOn.AddDays(-1), null, IssuedOn, "x", Now),
            PetitionsErrorCodes.ServedBeforeIssued);
        ShouldRefuse(() => Replied().RecordService(OpinionKind.Reply, ServiceMethod.Electronic, IssuedOn.AddDays(2), null, IssuedOn.AddDays(1), "x", Now),
            PetitionsErrorCodes.DateInFuture);
        var petition = Replied();
        petition.RecordService(OpinionKind.Reply, ServiceMethod.InPerson, IssuedOn, null, IssuedOn, "x", Now);
        ShouldRefuse(() => petition.RecordService(OpinionKind.Reply, ServiceMethod.InPerson, IssuedOn, null, IssuedOn, "x", Now), PetitionsErrorCodes.AlreadyServed);
    }

    [Fact]
    public void Serving_a_reply_after_the_review_was_already_asked_for_opens_no_window()
    {
        var petition = Replied();
        petition.RequestReview(Now.AddDays(3), null, "x", Now.AddDays(3));
        petition.RecordService(OpinionKind.Reply, ServiceMethod.InPerson, IssuedOn.AddDays(1), null, IssuedOn.AddDays(5), "x", Now.AddDays(5)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(GrievanceRoute.JudicialProcedure)]
    [InlineData(GrievanceRoute.Arbitration)]
    [InlineData(GrievanceRoute.PartyAppeal)]
    [InlineData(GrievanceRoute.AdministrativeProcedure)]
    [InlineData(GrievanceRoute.StatutoryDuty)]
    public void A_grievance_under_art_31_items_1_to_5_is_led_into_its_procedure_and_gets_no_reply_opinion(GrievanceRoute route)
    {
        var petition = Registered();
        petition.Accept(new PetitionClassification(PetitionCategory.Grievance, route, "泰安市泰山区人民法院"), "x", Now);
        petition.Status.ShouldBe(PetitionStatus.LedIntoProcedure);
        petition.IsOpen.ShouldBeFalse();
        petition.AcceptedAt.ShouldBeNull();
        petition.Events.Select(e => e.Kind).ShouldBe([PetitionEventKind.Registered, PetitionEventKind.Accepted, PetitionEventKind.LedIntoProcedure]);
        ShouldRefuse(() => petition.Reply(OpinionDecision.Support, "r", "f", "b", Guid.Empty, "x", Now), PetitionsErrorCodes.NotInHandling);
        petition.HandOverRefusal(null).ShouldBe(PetitionsErrorCodes.NotInHandling);
    }

    [Fact]
    public void Only_a_grievance_under_item_6_is_handled_with_a_reply_opinion()
    {
        var petition = Registered();
        petition.Accept(PetitionClassification.Handling, "x", Now);
        petition.Status.ShouldBe(PetitionStatus.Accepted);
        petition.Events[^1].Detail.ShouldBe("申诉求决类（《信访工作条例》第三十一条第六项）");
        petition.Reply(OpinionDecision.Support, "r", "f", "b", petition.OrgUnitId, "x", Now).Kind.ShouldBe(OpinionKind.Reply);
    }

    [Fact]
    public void A_suggestion_is_studied_and_answered_not_handled_on_the_60_days()
    {
        var petition = Registered();
        petition.Accept(new PetitionClassification(PetitionCategory.Suggestion), "x", Now);
        petition.Status.ShouldBe(PetitionStatus.SuggestionUnderStudy);
        petition.IsOpen.ShouldBeTrue();
        ShouldRefuse(() => petition.Reply(OpinionDecision.Support, "r", "f", "b", Guid.Empty, "x", Now), PetitionsErrorCodes.NotInHandling);
        ShouldRefuse(() => petition.ExtendHandling(10, 30, "r", "head", Now), PetitionsErrorCodes.NotInHandling);
        petition.AnswerSuggestion(SuggestionOutcome.PartlyAdopted, "已纳入明年村道维修计划。", "x", Now);
        petition.Status.ShouldBe(PetitionStatus.SuggestionAnswered);
        ShouldRefuse(() => petition.AnswerSuggestion(SuggestionOutcome.Adopted, "r", "x", Now), PetitionsErrorCodes.NoSuggestionPending);
    }

    [Fact]
    public void An_accusation_names_its_discipline_body_and_the_unit_complained_about()
    {
        ShouldRefuse(() => Registered().Accept(new PetitionClassification(PetitionCategory.Accusation), "x", Now), PetitionsErrorCodes.DisciplineBodyRequired);
        ShouldRefuse(() => Registered().Accept(new PetitionClassification(PetitionCategory.Grievance), "x", Now), PetitionsErrorCodes.RouteRequired);
        ShouldRefuse(() => Registered().Accept(new PetitionClassification(PetitionCategory.Suggestion, GrievanceRoute.Handling), "x", Now),
            PetitionsErrorCodes.RouteOnlyForGrievance);
        var accused = Guid.NewGuid();
        var petition = Registered();
        petition.Accept(new PetitionClassification(PetitionCategory.Accusation, null, "泰安市泰山区纪委监委", accused), "x", Now);
        petition.Status.ShouldBe(PetitionStatus.RoutedToDisciplineBody);
        petition.AccusedOrgUnitId.ShouldBe(accused);
        petition.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void A_labour_medical_traffic_or_consumer_dispute_is_handed_over_only_to_the_committee_of_its_field()
    {
        var petition = Registered();
        petition.Accept(PetitionClassification.Handling, "x", Now);
        petition.HandOverRefusal(new HandOverDeclaration(true, false, false, false, true)).ShouldBe(PetitionsErrorCodes.HandOverSpecialisedBodyMatter);
        petition.HandOverRefusal(new HandOverDeclaration(true, false, false, false, true, SpecialisedCommitteeMatches: true)).ShouldBeNull();
    }
}
