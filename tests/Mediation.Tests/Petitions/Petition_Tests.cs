using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Petitions;
using Mediation.Petitions.Domain;
using Shouldly;

namespace Mediation.Tests.Petitions;

public sealed class Petition_Tests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly ProtectedValue SomeId = new("1101**********002X", "cipher", "hash");

    private static Petitioner Petitioner() => Mediation.Petitions.Domain.Petitioner.Create("王某", SomeId, null, "岱东社区");

    private static Petition Register(PetitionChannel channel = PetitionChannel.Letter, PetitionTransfer? transfer = null, IReadOnlyList<Petitioner>? petitioners = null) =>
        Petition.Register(Guid.NewGuid(), Guid.NewGuid(), new PetitionNumber(2026, 1), "泰山", channel, Now.AddDays(-1), petitioners ?? [Petitioner()],
            "宅基地被占", "恢复界址", "岱东社区", transfer, "demo.petitionofficer", Now);

    private static Petition Transferred() =>
        Register(PetitionChannel.Transferred, new PetitionTransfer(TransferKind.Assigned, "泰安市信访局", "泰信交〔2026〕12号"));

    private static Petition Accepted()
    {
        var petition = Register();
        petition.Accept(PetitionClassification.Handling, "demo.petitionofficer", Now);
        return petition;
    }

    private static Petition Replied()
    {
        var petition = Accepted();
        petition.Reply(OpinionDecision.Explain, "恢复界址", "经查……", "《土地管理法》第十四条", petition.OrgUnitId, "demo.petitionofficer", Now.AddDays(20));
        petition.SignOff(OpinionKind.Reply, OpinionSignOff_Tests.HeadOf(petition.OrgUnitId), Now.AddDays(20));
        petition.RecordService(OpinionKind.Reply, ServiceMethod.Post, new DateOnly(2026, 3, 23), "回执1", new DateOnly(2026, 3, 23), "demo.petitionofficer", Now.AddDays(21));
        return petition;
    }

    private static Petition Reviewed()
    {
        var petition = Replied();
        petition.RequestReview(Now.AddDays(25), Now.AddDays(50), "demo.petitionofficer", Now.AddDays(25));
        petition.AnswerReview(OpinionDecision.NotSupport, "恢复界址", "复查认为……", "《信访工作条例》第三十五条", OpinionSignOff_Tests.County, "demo.petitionofficer", Now.AddDays(40));
        petition.SignOff(OpinionKind.Review, OpinionSignOff_Tests.HeadOf(OpinionSignOff_Tests.County), Now.AddDays(40));
        petition.RecordService(OpinionKind.Review, ServiceMethod.InPerson, new DateOnly(2026, 4, 11), null, new DateOnly(2026, 4, 11), "demo.petitionofficer", Now.AddDays(40));
        return petition;
    }

    private static Petition Reexamined()
    {
        var petition = Reviewed();
        petition.RequestReexamination(Now.AddDays(45), Now.AddDays(70), "demo.petitionofficer", Now.AddDays(45));
        petition.AnswerReexamination(OpinionDecision.NotSupport, "恢复界址", "复核认为……", "《信访工作条例》第三十六条", OpinionSignOff_Tests.City, "demo.petitionofficer", Now.AddDays(60));
        petition.SignOff(OpinionKind.Reexamination, OpinionSignOff_Tests.HeadOf(OpinionSignOff_Tests.City), Now.AddDays(60));
        return petition;
    }

    private static void ShouldRefuse(Action action, string code) => Should.Throw<BusinessException>(action).Code.ShouldBe(code);

    [Fact]
    public void A_registered_petition_is_numbered_by_unit_year_and_sequence_and_awaits_the_decision()
    {
        var petition = Register();
        petition.Number.ShouldBe("泰山信〔2026〕1号");
        petition.Status.ShouldBe(PetitionStatus.Registered);
        petition.Events.ShouldHaveSingleItem().Kind.ShouldBe(PetitionEventKind.Registered);
        petition.Petitioners.Single().Position.ShouldBe(1);
    }

    /// <summary>The group commit builds a batch before it draws the numbers (issue 17): a pending petition takes its number once, of its year.</summary>
    [Fact]
    public void A_petition_registered_before_its_number_was_drawn_takes_it_once_and_only_of_its_year()
    {
        var petition = Petition.Register(Guid.NewGuid(), Guid.NewGuid(), PetitionNumber.Pending(2026), "泰山", PetitionChannel.Letter, Now,
            [Petitioner()], "宅基地被占", null, null, null, "demo.petitionofficer", Now);
        (petition.Number, petition.Year, petition.SequenceNumber).ShouldBe(("", 2026, 0));
        Should.Throw<InvalidOperationException>(() => petition.AssignNumber(new PetitionNumber(2025, 7), "泰山"));
        Should.Throw<InvalidOperationException>(() => petition.AssignNumber(PetitionNumber.Pending(2026), "泰山"));

        petition.AssignNumber(new PetitionNumber(2026, 7), "泰山");
        (petition.Number, petition.SequenceNumber).ShouldBe(("泰山信〔2026〕7号", 7));
        Should.Throw<InvalidOperationException>(() => petition.AssignNumber(new PetitionNumber(2026, 8), "泰山"));
        Should.Throw<InvalidOperationException>(() => Register().AssignNumber(new PetitionNumber(2026, 2), "泰山"), "numbered at registration");
    }

    [Theory]
    [InlineData("泰山区", "泰山")]
    [InlineData("岱庙街道", "岱庙")]
    [InlineData("肥城市", "肥城")]
    [InlineData("宁阳县", "宁阳")]
    [InlineData("保安村", "保安")]
    public void The_number_prefix_is_the_unit_name_without_its_administrative_suffix(string unit, string shortName) =>
        PetitionNumber.ShortNameOf(unit).ShouldBe(shortName);

    [Fact]
    public void A_petition_needs_a_petitioner() =>
        ShouldRefuse(() => Register(petitioners: []), PetitionsErrorCodes.NoPetitioner);

    [Fact]
    public void A_transferred_petition_needs_the_sending_body_and_only_a_transferred_one_has_it()
    {
        ShouldRefuse(() => Register(PetitionChannel.Transferred), PetitionsErrorCodes.TransferDetailsMissing);
        ShouldRefuse(() => Register(PetitionChannel.Visit, new PetitionTransfer(TransferKind.Forwarded, "某局", "1号")), PetitionsErrorCodes.TransferDetailsMissing);
        var transferred = Transferred();
        transferred.TransferringBody.ShouldBe("泰安市信访局");
        transferred.Events.Single().Detail.ShouldBe("交办：泰安市信访局 泰信交〔2026〕12号");
    }

    [Fact]
    public void A_phone_petition_is_recorded_as_filed_by_the_officer_on_the_callers_behalf()
    {
        var petition = Register(PetitionChannel.Phone);
        petition.FiledOnBehalfOfCaller.ShouldBeTrue();
        petition.Events.Single().Detail.ShouldBe("来电，由demo.petitionofficer代为登记");
        Register(PetitionChannel.Visit).FiledOnBehalfOfCaller.ShouldBeFalse();
    }

    [Fact]
    public void Acceptance_starts_handling_and_cannot_be_decided_twice()
    {
        var petition = Accepted();
        petition.Status.ShouldBe(PetitionStatus.Accepted);
        petition.AcceptedAt.ShouldBe(Now);
        ShouldRefuse(() => petition.Accept(PetitionClassification.Handling, "x", Now), PetitionsErrorCodes.NotAwaitingDecision);
        ShouldRefuse(() => petition.NotAccept(NonAcceptanceGround.JudicialProcedure, "理由", "x", Now), PetitionsErrorCodes.NotAwaitingDecision);
    }

    [Fact]
    public void Not_accepting_keeps_the_reasons_and_closes_the_item()
    {
        var petition = Register();
        petition.NotAccept(NonAcceptanceGround.JudicialProcedure, "属于诉讼途径解决的事项", "demo.petitionofficer", Now);
        petition.Status.ShouldBe(PetitionStatus.NotAccepted);
        petition.DecisionReason.ShouldBe("属于诉讼途径解决的事项");
        petition.IsOpen.ShouldBeFalse();
        ShouldRefuse(() => petition.Accept(PetitionClassification.Handling, "x", Now), PetitionsErrorCodes.NotAwaitingDecision);
    }

    [Fact]
    public void A_misrouted_transfer_is_objected_to_within_the_period_only()
    {
        var late = Transferred();
        ShouldRefuse(() => late.ObjectToTransfer("不属本机关职权", Now.AddDays(-1), "x", Now), PetitionsErrorCodes.ObjectionPeriodOver);

        var petition = Transferred();
        petition.ObjectToTransfer("不属本机关职权", Now.AddDays(3), "demo.petitionofficer", Now);
        petition.Status.ShouldBe(PetitionStatus.TransferObjected);
        petition.Events[^1].Detail.ShouldBe("泰安市信访局：不属本机关职权");
    }

    [Fact]
    public void Only_a_transferred_item_can_be_objected_to() =>
        ShouldRefuse(() => Register().ObjectToTransfer("不属本机关职权", Now.AddDays(3), "x", Now), PetitionsErrorCodes.NotTransferred);

    [Fact]
    public void A_repeat_is_linked_to_the_open_item_and_not_accepted_again()
    {
        var open = Accepted();
        var repeat = Register();
        repeat.LinkAsRepeatOf(open, "demo.petitionofficer", Now);
        repeat.Status.ShouldBe(PetitionStatus.LinkedAsRepeat);
        repeat.RepeatOfPetitionId.ShouldBe(open.Id);
        ShouldRefuse(() => repeat.Accept(PetitionClassification.Handling, "x", Now), PetitionsErrorCodes.NotAwaitingDecision);
    }

    [Fact]
    public void A_rejected_objection_returns_the_item_for_a_decision_and_an_agreed_one_closes_it()
    {
        var rejected = Transferred();
        rejected.ObjectToTransfer("不属本机关职权", Now.AddDays(3), "x", Now);
        rejected.IsOpen.ShouldBeTrue();
        rejected.AnswerTransferObjection(false, new DateOnly(2026, 3, 4), "经核实属本机关", "x", Now.AddDays(2));
        rejected.Status.ShouldBe(PetitionStatus.Registered);
        rejected.TransferObjectionAgreed.ShouldBe(false);
        rejected.Events[^1].Detail.ShouldBe("泰安市信访局于2026年3月4日不同意异议，本机关继续办理：经核实属本机关");
        rejected.Accept(PetitionClassification.Handling, "x", Now.AddDays(3));
        ShouldRefuse(() => rejected.AnswerTransferObjection(true, new DateOnly(2026, 3, 5), null, "x", Now), PetitionsErrorCodes.NoObjectionPending);

        var agreed = Transferred();
        agreed.ObjectToTransfer("不属本机关职权", Now.AddDays(3), "x", Now);
        agreed.AnswerTransferObjection(true, new DateOnly(2026, 3, 4), null, "x", Now.AddDays(2));
        agreed.Status.ShouldBe(PetitionStatus.TransferReturned);
        agreed.IsOpen.ShouldBeFalse();
    }

    [Theory]
    [InlineData(NonAcceptanceGround.RepeatToHigherBody, "《信访工作条例》第十九条第三款")]
    [InlineData(NonAcceptanceGround.ForwardedByArticle22, "《信访工作条例》第二十二条第二款")]
    [InlineData(NonAcceptanceGround.LitigationRightsRelief, "《信访工作条例》第二十八条第二款")]
    [InlineData(NonAcceptanceGround.JudicialProcedure, "《信访工作条例》第三十一条第一项")]
    [InlineData(NonAcceptanceGround.StatutoryDuty, "《信访工作条例》第三十一条第五项")]
    [InlineData(NonAcceptanceGround.AfterReexamination, "《信访工作条例》第三十六条第三款")]
    public void Not_accepting_records_the_ground_the_officer_chose_with_its_article(NonAcceptanceGround ground, string citation)
    {
        var petition = Register();
        petition.NotAccept(ground, "理由", "x", Now);
        petition.NonAcceptanceGround.ShouldBe(ground);
        PetitionWording.Citation(ground).ShouldBe(citation);
        petition.Events[^1].Detail.ShouldBe(citation + "：理由");
    }

    [Theory]
    [InlineData(OpinionDecision.Support, "经调查核实，您的请求事实清楚，符合法律、法规、规章或者其他有关规定，本机关予以支持。")]
    [InlineData(OpinionDecision.Explain, "经调查核实，您的请求事由合理，但缺乏法律依据，本机关作出如下解释说明：界址以1998年测绘图为准。")]
    [InlineData(OpinionDecision.NotSupport, "经调查核实，您的请求缺乏事实根据或者不符合法律、法规、规章或者其他有关规定，本机关不予支持。")]
    public void The_decision_is_stated_for_this_petitioner_not_as_the_statute_s_condition(OpinionDecision decision, string text) =>
        PetitionWording.Decision(decision, "界址以1998年测绘图为准。").ShouldBe(text);

    [Fact]
    public void A_mediated_reply_names_the_day_the_agreement_took_effect_and_cites_arts_33_37_and_the_mediation_law()
    {
        PetitionWording.MediatedDecision(new DateOnly(2026, 3, 1)).ShouldContain("调解协议已于2026年3月1日生效");
        PetitionWording.MediatedReplyBasis.ShouldBe("《信访工作条例》第三十三条、第三十七条，《中华人民共和国人民调解法》第二十八条、第三十一条");
        var petition = Accepted();
        var caseId = Guid.NewGuid();
        petition.HandOverToMediation(new HandOverDeclaration(false, false, false, false, true), caseId, "岱东调〔2026〕1号", "x", Now);
        petition.RecordAgreementEffective(Guid.NewGuid(), new DateOnly(2026, 3, 1), Now).ShouldBeFalse();
        petition.RecordAgreementEffective(caseId, new DateOnly(2026, 3, 1), Now).ShouldBeTrue();
        petition.RecordAgreementEffective(caseId, new DateOnly(2026, 3, 2), Now).ShouldBeFalse();
        petition.MediationAgreementEffectiveOn.ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Fact]
    public void A_reexamination_hearing_is_recorded_with_its_days_which_the_answer_period_does_not_count()
    {
        ShouldRefuse(() => Reviewed().RecordReexaminationHearing(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 3), "x", Now),
            PetitionsErrorCodes.NoReexaminationPending);
        var petition = Reviewed();
        petition.RequestReexamination(Now.AddDays(45), Now.AddDays(70), "x", Now.AddDays(45));
        ShouldRefuse(() => petition.RecordReexaminationHearing(new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 1), "x", Now),
            PetitionsErrorCodes.HearingEndsBeforeItStarts);
        petition.RecordReexaminationHearing(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 3), "x", Now).ShouldBe(3);
        petition.Events[^1].Detail!.ShouldContain("《信访工作条例》第三十六条第二款");
    }

    [Fact]
    public void Details_that_become_known_complete_the_first_petitioner_before_the_decision_only()
    {
        var petition = Register(petitioners: [Mediation.Petitions.Domain.Petitioner.Create("王某", null, null, null)]);
        petition.PetitionerDetailsKnown(null, "岱东社区3号", "x", Now);
        petition.Petitioners[0].Address.ShouldBe("岱东社区3号");
        petition.Events[^1].Kind.ShouldBe(PetitionEventKind.PetitionerDetailsKnown);
        ShouldRefuse(() => Accepted().PetitionerDetailsKnown(null, "地址", "x", Now), PetitionsErrorCodes.NotAwaitingDecision);
    }

    [Fact]
    public void A_repeat_cites_art_19_para_3_the_repeat_rule_not_art_26_the_prohibited_conduct()
    {
        var repeat = Register();
        repeat.LinkAsRepeatOf(Accepted(), "demo.petitionofficer", Now);
        var detail = repeat.Events.Single(e => e.Kind == PetitionEventKind.LinkedAsRepeat).Detail;
        detail!.ShouldContain("《信访工作条例》第十九条第三款");
        detail!.ShouldNotContain("第二十六条");
    }

    [Fact]
    public void Extensions_are_approved_by_default_by_the_unit_head_not_the_coordinator()
    {
        var approve = PetitionsPermissions.Definitions.Single(d => d.Name == PetitionsPermissions.Extensions.Approve);
        approve.DefaultRoles.ShouldBe([Mediation.Core.Security.RoleNames.UnitHead]);
        approve.Name.ShouldNotBe("Petitions.Extensions.Approve");
    }

    [Fact]
    public void A_repeat_cannot_be_linked_to_itself_to_a_closed_item_or_after_the_decision()
    {
        var petition = Register();
        ShouldRefuse(() => petition.LinkAsRepeatOf(petition, "x", Now), PetitionsErrorCodes.CannotLinkToItself);

        var notAccepted = Register();
        notAccepted.NotAccept(NonAcceptanceGround.JudicialProcedure, "理由", "x", Now);
        ShouldRefuse(() => Register().LinkAsRepeatOf(notAccepted, "x", Now), PetitionsErrorCodes.RepeatTargetNotOpen);

        ShouldRefuse(() => Accepted().LinkAsRepeatOf(Accepted(), "x", Now), PetitionsErrorCodes.NotAwaitingDecision);
    }

    [Fact]
    public void After_reexamination_the_same_matter_is_refused() =>
        ShouldRefuse(() => Register().LinkAsRepeatOf(Reexamined(), "x", Now), PetitionsErrorCodes.MatterReexamined);

    private const string LocalRule = "某省信访事项办理规定第二十条";

    [Fact]
    public void Art_34_knows_no_pause_so_without_a_local_rule_the_sixty_days_cannot_be_paused()
    {
        var petition = Accepted();
        ShouldRefuse(() => petition.PauseHandling("等待信访人补充材料", null, "x", Now), PetitionsErrorCodes.PauseNotProvided);
        petition.HandlingPaused.ShouldBeFalse();
    }

    [Fact]
    public void Handling_pauses_and_resumes_and_each_only_once_under_a_named_local_rule()
    {
        var petition = Accepted();
        petition.PauseHandling("等待信访人补充材料", LocalRule, "demo.petitionofficer", Now);
        petition.HandlingPaused.ShouldBeTrue();
        petition.Events[^1].Detail.ShouldBe($"等待信访人补充材料（依据：{LocalRule}）");
        ShouldRefuse(() => petition.PauseHandling("再次", LocalRule, "x", Now), PetitionsErrorCodes.AlreadyPaused);
        ShouldRefuse(() => petition.Reply(OpinionDecision.Support, "r", "f", "b", Guid.Empty, "x", Now), PetitionsErrorCodes.HandlingPaused);
        petition.ResumeHandling("demo.petitionofficer", Now);
        petition.HandlingPaused.ShouldBeFalse();
        ShouldRefuse(() => petition.ResumeHandling("x", Now), PetitionsErrorCodes.NotPaused);
    }

    [Fact]
    public void Handling_steps_need_an_accepted_petition()
    {
        ShouldRefuse(() => Register().PauseHandling("r", LocalRule, "x", Now), PetitionsErrorCodes.NotInHandling);
        ShouldRefuse(() => Register().ExtendHandling(10, 30, "复杂", "demo.unithead", Now), PetitionsErrorCodes.NotInHandling);
        ShouldRefuse(() => Register().Reply(OpinionDecision.Support, "r", "f", "b", Guid.Empty, "x", Now), PetitionsErrorCodes.NotInHandling);
        ShouldRefuse(() => Replied().Reply(OpinionDecision.Support, "r", "f", "b", Guid.Empty, "x", Now), PetitionsErrorCodes.NotInHandling);
    }

    [Fact]
    public void An_extension_is_once_at_most_the_policy_days_and_approved_by_someone_else()
    {
        var petition = Accepted();
        ShouldRefuse(() => petition.ExtendHandling(31, 30, "复杂", "demo.unithead", Now), PetitionsErrorCodes.ExtensionTooLong);
        ShouldRefuse(() => petition.ExtendHandling(0, 30, "复杂", "demo.unithead", Now), PetitionsErrorCodes.ExtensionTooLong);
        ShouldRefuse(() => petition.ExtendHandling(10, 30, "复杂", "demo.petitionofficer", Now), PetitionsErrorCodes.ApproverIsHandler);
        petition.ExtendHandling(30, 30, "涉及多个部门，需现场勘查", "demo.unithead", Now);
        petition.ExtensionDays.ShouldBe(30);
        petition.ExtensionApprovedBy.ShouldBe("demo.unithead");
        ShouldRefuse(() => petition.ExtendHandling(1, 30, "再次", "demo.unithead", Now), PetitionsErrorCodes.AlreadyExtended);
    }

    [Fact]
    public void The_reply_records_the_opinion_and_opens_the_review_window()
    {
        var petition = Replied();
        petition.Status.ShouldBe(PetitionStatus.Replied);
        var opinion = petition.LatestOpinion(OpinionKind.Reply).ShouldNotBeNull();
        opinion.Decision.ShouldBe(OpinionDecision.Explain);
        opinion.LegalBasis.ShouldBe("《土地管理法》第十四条");
    }

    [Fact]
    public void Review_is_asked_for_after_the_reply_and_within_its_window()
    {
        ShouldRefuse(() => Accepted().RequestReview(Now, Now.AddDays(30), "x", Now), PetitionsErrorCodes.NotReplied);
        ShouldRefuse(() => Replied().RequestReview(Now.AddDays(51), Now.AddDays(50), "x", Now.AddDays(51)), PetitionsErrorCodes.RequestPeriodOver);
        ShouldRefuse(() => Replied().AnswerReview(OpinionDecision.Support, "r", "f", "b", Guid.Empty, "x", Now), PetitionsErrorCodes.NoReviewPending);
        Reviewed().Status.ShouldBe(PetitionStatus.Reviewed);
    }

    [Fact]
    public void Reexamination_follows_the_review_on_the_same_terms()
    {
        ShouldRefuse(() => Replied().RequestReexamination(Now, Now.AddDays(30), "x", Now), PetitionsErrorCodes.NotReviewed);
        ShouldRefuse(() => Reviewed().RequestReexamination(Now.AddDays(71), Now.AddDays(70), "x", Now.AddDays(71)), PetitionsErrorCodes.RequestPeriodOver);
        ShouldRefuse(() => Reviewed().AnswerReexamination(OpinionDecision.Support, "r", "f", "b", Guid.Empty, "x", Now), PetitionsErrorCodes.NoReexaminationPending);
        var petition = Reexamined();
        petition.Status.ShouldBe(PetitionStatus.Reexamined);
        petition.Opinions.Select(o => o.Kind).ShouldBe([OpinionKind.Reply, OpinionKind.Review, OpinionKind.Reexamination]);
        ShouldRefuse(() => petition.RequestReexamination(Now.AddDays(61), Now.AddDays(90), "x", Now), PetitionsErrorCodes.MatterReexamined);
    }

    [Fact]
    public void A_joint_meeting_is_proposed_once_for_an_open_petition()
    {
        var petition = Accepted();
        petition.RequestJointMeeting("涉及自然资源、住建两个部门", ["区自然资源局", "区住建局"], "demo.petitionofficer", Now);
        petition.JointMeetingRequestedAt.ShouldBe(Now);
        ShouldRefuse(() => petition.RequestJointMeeting("再次", ["a", "b"], "x", Now), PetitionsErrorCodes.JointMeetingAlreadyRequested);

        var closed = Register();
        closed.NotAccept(NonAcceptanceGround.JudicialProcedure, "理由", "x", Now);
        ShouldRefuse(() => closed.RequestJointMeeting("r", ["a", "b"], "x", Now), PetitionsErrorCodes.Closed);
    }

    private static readonly HandOverDeclaration Eligible = new(false, false, false, false, EveryPartyConsents: true);

    [Fact]
    public void An_accepted_petition_can_be_handed_over_to_mediation_and_stays_open()
    {
        ShouldRefuse(() => Register().HandOverToMediation(Eligible, Guid.NewGuid(), "泰山调〔2026〕1号", "x", Now), PetitionsErrorCodes.NotInHandling);
        var petition = Accepted();
        var caseId = Guid.NewGuid();
        petition.HandOverToMediation(Eligible, caseId, "岱东调〔2026〕1号", "demo.petitionofficer", Now);
        petition.Status.ShouldBe(PetitionStatus.HandedOverToMediation);
        petition.MediationCaseId.ShouldBe(caseId);
        petition.MediationCaseNumber.ShouldBe("岱东调〔2026〕1号");
        petition.HandlingPaused.ShouldBeFalse(); // mediation does not stop the 60 days (Art. 34)
        petition.IsOpen.ShouldBeTrue();
        petition.Events[^1].Kind.ShouldBe(PetitionEventKind.HandedOverToMediation);
        ShouldRefuse(() => petition.HandOverToMediation(Eligible, Guid.NewGuid(), "n", "x", Now), PetitionsErrorCodes.AlreadyHandedOver);
    }

    [Theory]
    [InlineData(true, false, false, false, PetitionsErrorCodes.HandOverSpecialisedBodyMatter)]
    [InlineData(false, true, false, false, PetitionsErrorCodes.HandOverInLitigationOrArbitration)]
    [InlineData(false, false, true, false, PetitionsErrorCodes.HandOverAdministrativeDispute)]
    [InlineData(false, false, false, true, PetitionsErrorCodes.HandOverPartyRefuses)]
    public void Each_excluded_matter_refuses_the_hand_over_with_its_own_code(bool specialised, bool litigation, bool administrative, bool refuses, string code)
    {
        var petition = Accepted();
        ShouldRefuse(() => petition.HandOverToMediation(new HandOverDeclaration(specialised, litigation, administrative, refuses, true), Guid.NewGuid(), "n", "x", Now), code);
        petition.Status.ShouldBe(PetitionStatus.Accepted);
        petition.MediationCaseId.ShouldBeNull();
    }

    [Fact]
    public void Criminal_matters_accusations_and_personal_status_are_not_for_people_s_mediation()
    {
        foreach (var (declaration, code) in new[]
                 {
                     (Eligible with { CriminalMatter = true }, PetitionsErrorCodes.HandOverCriminalMatter),
                     (Eligible with { AccusationMatter = true }, PetitionsErrorCodes.HandOverAccusationMatter),
                     (Eligible with { PersonalStatusMatter = true }, PetitionsErrorCodes.HandOverPersonalStatusMatter),
                 })
        {
            var petition = Accepted();
            ShouldRefuse(() => petition.HandOverToMediation(declaration, Guid.NewGuid(), "n", "x", Now), code);
            petition.MediationCaseId.ShouldBeNull();
        }
    }

    [Fact]
    public void Without_every_partys_consent_the_hand_over_is_refused()
    {
        var petition = Accepted();
        ShouldRefuse(() => petition.HandOverToMediation(Eligible with { EveryPartyConsents = false }, Guid.NewGuid(), "n", "x", Now),
            PetitionsErrorCodes.HandOverConsentMissing);
        petition.HandOverRefusal(Eligible).ShouldBeNull();
    }

    [Fact]
    public void A_paused_handling_is_resumed_before_the_hand_over()
    {
        var petition = Accepted();
        petition.PauseHandling("等待补充材料", LocalRule, "x", Now);
        ShouldRefuse(() => petition.HandOverToMediation(Eligible, Guid.NewGuid(), "n", "x", Now), PetitionsErrorCodes.HandlingPaused);
    }

    [Fact]
    public void An_agreement_flows_back_and_the_petition_can_be_replied()
    {
        var petition = Accepted();
        var caseId = Guid.NewGuid();
        petition.HandOverToMediation(Eligible, caseId, "岱东调〔2026〕1号", "x", Now);
        ShouldRefuse(() => petition.Reply(OpinionDecision.Support, "r", "f", "b", Guid.Empty, "x", Now), PetitionsErrorCodes.NotInHandling);

        petition.RecordMediationResult(Guid.NewGuid(), MediationResult.Succeeded, "赔偿2000元", Now.AddDays(10), Now.AddDays(10)).ShouldBeFalse();
        petition.RecordMediationResult(caseId, MediationResult.Succeeded, "赔偿2000元", Now.AddDays(10), Now.AddDays(10)).ShouldBeTrue();
        petition.RecordMediationResult(caseId, MediationResult.Failed, null, Now.AddDays(11), Now.AddDays(11)).ShouldBeFalse();

        petition.Status.ShouldBe(PetitionStatus.Accepted);
        petition.HandlingPaused.ShouldBeFalse();
        petition.MediationSucceeded.ShouldBeTrue();
        petition.MediationResultDetail.ShouldBe("赔偿2000元");
        petition.Events[^1].Kind.ShouldBe(PetitionEventKind.MediationConcluded);
        petition.Events[^1].Detail!.ShouldContain("调解成功");
        petition.Reply(OpinionDecision.Support, "r", "f", "b", petition.OrgUnitId, "x", Now.AddDays(12));
        petition.Status.ShouldBe(PetitionStatus.Accepted, "the draft waits for the head's sign-off");
        petition.SignOff(OpinionKind.Reply, OpinionSignOff_Tests.HeadOf(petition.OrgUnitId), Now.AddDays(12));
        petition.Status.ShouldBe(PetitionStatus.Replied);
    }

    [Fact]
    public void A_failed_mediation_returns_the_petition_to_handling_and_it_is_not_handed_over_again()
    {
        var petition = Accepted();
        var caseId = Guid.NewGuid();
        petition.HandOverToMediation(Eligible, caseId, "岱东调〔2026〕1号", "x", Now);
        petition.RecordMediationResult(caseId, MediationResult.Terminated, "一方不再同意调解", Now.AddDays(5), Now.AddDays(5)).ShouldBeTrue();
        petition.Status.ShouldBe(PetitionStatus.Accepted);
        petition.MediationSucceeded.ShouldBeFalse();
        petition.Events[^1].Detail!.ShouldContain("调解终止");
        ShouldRefuse(() => petition.HandOverToMediation(Eligible, Guid.NewGuid(), "n", "x", Now), PetitionsErrorCodes.AlreadyHandedOver);
    }

    [Fact]
    public void The_timeline_lists_every_step_in_order()
    {
        var petition = Reexamined();
        petition.NoticeIssued(PetitionNoticeKind.ReexaminationOpinion, Guid.NewGuid(), "泰山信复核〔2026〕1号", "x", Now.AddDays(60));
        petition.Events.Select(e => e.Kind).ShouldBe([
            PetitionEventKind.Registered, PetitionEventKind.Accepted,
            PetitionEventKind.OpinionSubmitted, PetitionEventKind.OpinionSignedOff, PetitionEventKind.Replied, PetitionEventKind.OpinionServed,
            PetitionEventKind.ReviewRequested, PetitionEventKind.OpinionSubmitted, PetitionEventKind.OpinionSignedOff, PetitionEventKind.ReviewAnswered,
            PetitionEventKind.OpinionServed,
            PetitionEventKind.ReexaminationRequested, PetitionEventKind.OpinionSubmitted, PetitionEventKind.OpinionSignedOff, PetitionEventKind.ReexaminationAnswered,
            PetitionEventKind.NoticeIssued,
        ]);
        petition.Events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, 16));
        petition.Notices.ShouldHaveSingleItem().Number.ShouldBe("泰山信复核〔2026〕1号");
    }

    [Fact]
    public void A_joint_meeting_task_accepted_on_the_petition_is_on_its_timeline_once()
    {
        var petition = Accepted();
        petition.RecordJointMeetingTaskAccepted("市住房和城乡建设局", "督促清偿", Now.AddDays(20)).ShouldBeTrue();
        petition.RecordJointMeetingTaskAccepted("市住房和城乡建设局", "督促清偿", Now.AddDays(20)).ShouldBeFalse("a redelivered event");
        petition.Events.Where(e => e.Kind == PetitionEventKind.JointMeetingTaskAccepted).ShouldHaveSingleItem().Detail.ShouldBe("市住房和城乡建设局：督促清偿");
    }
}
