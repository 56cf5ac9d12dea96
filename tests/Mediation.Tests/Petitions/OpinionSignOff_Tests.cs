using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Petitions;
using Mediation.Petitions.Domain;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>
/// The 处理意见书, 复查意见 and 复核意见 are issued in the name of the body that answers (信访工作条例 Arts. 32, 35, 36: "有权处理的机关、单位",
/// "上一级机关、单位…提出复查意见，并予以书面答复"), so the head (负责人) of exactly that body signs them off before issue; the periods
/// of Arts. 34–36 know no pause for the sign-off.
/// </summary>
public sealed class OpinionSignOff_Tests
{
    public static readonly Guid Township = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    public static readonly Guid County = Guid.Parse("0199a000-0000-7000-8000-000000000002");
    public static readonly Guid City = Guid.Parse("0199a000-0000-7000-8000-000000000003");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public static OpinionSigner HeadOf(Guid unit) => new("demo.unithead", "演示单位负责人", unit, HoldsSignOffDuty: true);

    private static Petition Accepted()
    {
        var petition = Petition.Register(Guid.NewGuid(), Township, new PetitionNumber(2026, 7), "岱庙", PetitionChannel.Letter, Now.AddDays(-1),
            [Petitioner.Create("王某", new ProtectedValue("1101**********002X", "cipher", "hash"), null, "岱东社区")],
            "宅基地被占", "恢复界址", "岱东社区", null, "demo.petitionofficer.daimiao", Now.AddDays(-1));
        petition.Accept(PetitionClassification.Handling, "demo.petitionofficer.daimiao", Now.AddDays(-1));
        return petition;
    }

    private static Petition Drafted()
    {
        var petition = Accepted();
        petition.Reply(OpinionDecision.NotSupport, "恢复界址", "经查……", "《土地管理法》第十四条", Township, "demo.petitionofficer.daimiao", Now);
        return petition;
    }

    private static void ShouldRefuse(Action action, string code) => Should.Throw<BusinessException>(action).Code.ShouldBe(code);

    [Fact]
    public void A_drafted_reply_awaits_sign_off_and_is_not_yet_issued_or_servable()
    {
        var petition = Drafted();
        var draft = petition.Opinions.Single();
        draft.State.ShouldBe(OpinionState.AwaitingSignOff);
        draft.IssuedAt.ShouldBeNull();
        draft.IssuingOrgUnitId.ShouldBe(Township);
        petition.Status.ShouldBe(PetitionStatus.Accepted, "the handling has not ended: nothing was issued");
        petition.LatestOpinion(OpinionKind.Reply).ShouldBeNull();
        ShouldRefuse(() => petition.RecordService(OpinionKind.Reply, ServiceMethod.InPerson, new DateOnly(2026, 3, 2), null, new DateOnly(2026, 3, 2), "x", Now),
            PetitionsErrorCodes.NoOpinionToServe);
        ShouldRefuse(() => petition.RequestReview(Now, null, "x", Now), PetitionsErrorCodes.NotReplied);
        ShouldRefuse(() => petition.Reply(OpinionDecision.Support, "r", "f", "b", Township, "x", Now), PetitionsErrorCodes.OpinionAwaitingSignOff);
        ShouldRefuse(() => petition.PauseHandling("等待", "某地规定", "x", Now), PetitionsErrorCodes.OpinionAwaitingSignOff);
        petition.HandOverRefusal(null).ShouldBe(PetitionsErrorCodes.OpinionAwaitingSignOff);
        petition.Events[^1].Kind.ShouldBe(PetitionEventKind.OpinionSubmitted);
    }

    [Fact]
    public void The_head_of_the_issuing_unit_signs_it_off_and_that_issues_it()
    {
        var petition = Drafted();
        var later = Now.AddDays(3);
        var issued = petition.SignOff(OpinionKind.Reply, new OpinionSigner("demo.unithead.daimiao", "岱庙街道办事处演示主任", Township, true), later);
        issued.State.ShouldBe(OpinionState.Issued);
        issued.IssuedAt.ShouldBe(later, "the day of issue is the day of sign-off, not of the draft");
        issued.IssuedBy.ShouldBe("demo.petitionofficer.daimiao");
        issued.SignedOffBy.ShouldBe("demo.unithead.daimiao");
        issued.SignedOffByName.ShouldBe("岱庙街道办事处演示主任");
        petition.Status.ShouldBe(PetitionStatus.Replied);
        petition.LatestOpinion(OpinionKind.Reply).ShouldBeSameAs(issued);
        petition.Events.TakeLast(2).Select(e => e.Kind).ShouldBe([PetitionEventKind.OpinionSignedOff, PetitionEventKind.Replied]);
        petition.Events[^2].Detail.ShouldBe("信访事项处理意见书由岱庙街道办事处演示主任签发");
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reply, HeadOf(Township), later), PetitionsErrorCodes.NoOpinionAwaitingSignOff);
    }

    [Fact]
    public void An_officer_or_mediator_without_the_heads_duty_cannot_sign_off_or_return()
    {
        var petition = Drafted();
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reply, new OpinionSigner("demo.petitionofficer", "演示信访干部", Township, false), Now),
            PetitionsErrorCodes.SignOffNeedsUnitHead);
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reply, new OpinionSigner("demo.mediator", "演示调解员", Township, false), Now),
            PetitionsErrorCodes.SignOffNeedsUnitHead);
        ShouldRefuse(() => petition.ReturnOpinion(OpinionKind.Reply, "改", new OpinionSigner("demo.mediator", "演示调解员", Township, false), Now),
            PetitionsErrorCodes.SignOffNeedsUnitHead);
        petition.Opinions.Single().State.ShouldBe(OpinionState.AwaitingSignOff);
    }

    [Fact]
    public void A_head_of_another_unit_above_or_beside_cannot_sign_off_and_the_drafter_cannot_sign_his_own()
    {
        var petition = Drafted();
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reply, HeadOf(County), Now), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reply, HeadOf(Guid.NewGuid()), Now), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reply, new OpinionSigner("demo.unithead", "x", null, true), Now), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reply, new OpinionSigner("demo.petitionofficer.daimiao", "x", Township, true), Now),
            PetitionsErrorCodes.SignerIsDrafter);
        ShouldRefuse(() => petition.SignOff(OpinionKind.Review, HeadOf(Township), Now), PetitionsErrorCodes.NoOpinionAwaitingSignOff);
    }

    [Fact]
    public void A_returned_draft_goes_back_to_the_officer_who_revises_and_submits_it_again()
    {
        var petition = Drafted();
        var returned = petition.ReturnOpinion(OpinionKind.Reply, "事实部分未写明测绘图来源", HeadOf(Township), Now.AddDays(1));
        returned.State.ShouldBe(OpinionState.Returned);
        returned.ReturnReason.ShouldBe("事实部分未写明测绘图来源");
        petition.Status.ShouldBe(PetitionStatus.Accepted);
        petition.Events[^1].Detail.ShouldBe("信访事项处理意见书退回修改：事实部分未写明测绘图来源");
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reply, HeadOf(Township), Now.AddDays(1)), PetitionsErrorCodes.NoOpinionAwaitingSignOff);

        var revised = petition.Reply(OpinionDecision.NotSupport, "恢复界址", "经调取1998年测绘图……", "《土地管理法》第十四条", Township, "demo.petitionofficer.daimiao",
            Now.AddDays(2));
        revised.ShouldBeSameAs(returned);
        petition.Opinions.Count.ShouldBe(1);
        revised.State.ShouldBe(OpinionState.AwaitingSignOff);
        revised.FactsAndReasons.ShouldBe("经调取1998年测绘图……");
        petition.SignOff(OpinionKind.Reply, HeadOf(Township), Now.AddDays(3)).State.ShouldBe(OpinionState.Issued);
    }

    [Fact]
    public void Review_and_reexamination_opinions_are_signed_by_the_heads_of_the_units_above_not_the_original_one()
    {
        var petition = Drafted();
        petition.SignOff(OpinionKind.Reply, HeadOf(Township), Now);
        petition.RequestReview(Now.AddDays(5), null, "demo.petitionofficer", Now.AddDays(5));
        petition.AnswerReview(OpinionDecision.NotSupport, "恢复界址", "复查认为……", "《信访工作条例》第三十五条", County, "demo.petitionofficer", Now.AddDays(10));
        ShouldRefuse(() => petition.SignOff(OpinionKind.Review, HeadOf(Township), Now.AddDays(10)), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        ShouldRefuse(() => petition.SignOff(OpinionKind.Review, HeadOf(City), Now.AddDays(10)), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        petition.Status.ShouldBe(PetitionStatus.UnderReview);
        petition.SignOff(OpinionKind.Review, HeadOf(County), Now.AddDays(11));
        petition.Status.ShouldBe(PetitionStatus.Reviewed);

        petition.RequestReexamination(Now.AddDays(15), null, "demo.petitionofficer.taian", Now.AddDays(15));
        petition.AnswerReexamination(OpinionDecision.NotSupport, "恢复界址", "复核认为……", "《信访工作条例》第三十六条", City, "demo.petitionofficer.taian", Now.AddDays(20));
        ShouldRefuse(() => petition.SignOff(OpinionKind.Reexamination, HeadOf(County), Now.AddDays(20)), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        petition.SignOff(OpinionKind.Reexamination, HeadOf(City), Now.AddDays(21));
        petition.Status.ShouldBe(PetitionStatus.Reexamined);
        petition.Opinions.Select(o => (o.Kind, o.IssuingOrgUnitId, o.State)).ShouldBe(
            [(OpinionKind.Reply, (Guid?)Township, OpinionState.Issued), (OpinionKind.Review, County, OpinionState.Issued), (OpinionKind.Reexamination, City, OpinionState.Issued)]);
    }

    [Fact]
    public void A_reply_drafted_on_an_agreement_the_court_then_refused_goes_back_to_the_officer()
    {
        var petition = Accepted();
        var caseId = Guid.NewGuid();
        petition.HandOverToMediation(new HandOverDeclaration(false, false, false, false, true), caseId, "岱东调〔2026〕1号", "x", Now);
        petition.RecordMediationResult(caseId, MediationResult.Succeeded, "赔偿2000元", Now.AddDays(1), Now.AddDays(1));
        petition.Reply(OpinionDecision.Support, "r", "f", "b", Township, "x", Now.AddDays(2));
        petition.RecordMediationReopened(caseId, "泰山区人民法院", new DateOnly(2026, 3, 20), Now.AddDays(20)).ShouldBeTrue();
        petition.Status.ShouldBe(PetitionStatus.HandedOverToMediation);
        petition.Opinions.Single().State.ShouldBe(OpinionState.Returned);
        petition.AwaitsSignOff.ShouldBeFalse();
    }
}
