using Mediation.Cases;
using Mediation.Cases.Domain;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Shouldly;

namespace Mediation.Tests.Cases;

public sealed class MediationCase_Tests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid MediatorId = Guid.NewGuid();
    private static readonly ProtectedValue SomeId = new("1101**********002X", "cipher", "hash");

    private static MediationCommittee Committee()
    {
        var committee = new MediationCommittee(Guid.NewGuid(), Guid.NewGuid(), "岱庙街道人民调解委员会", "岱庙", CommitteeKind.TownshipOrStreet);
        committee.AddMediator(MediatorId, "张调解", isHead: true);
        return committee;
    }

    private static CaseParty Party(bool consents = true) => CaseParty.Person("王某", SomeId, null, "岱东社区", consents);

    private static MediationCase Register(IReadOnlyList<CaseParty>? parties = null, IReadOnlyList<Guid>? mediators = null, RiskGrade grade = RiskGrade.Blue) =>
        MediationCase.Register(Guid.NewGuid(), Committee(), new CaseNumber(2026, 7), DisputeType.Neighbourhood, "邻里排水纠纷", 1200m, "岱东社区",
            CaseSource.WalkIn, null, parties ?? [Party(), Party()], mediators ?? [MediatorId], grade, "初评", "demo.mediator", Now);

    [Fact]
    public void A_legal_advisor_takes_part_in_a_session_on_record_with_the_parties_consent_until_its_minutes_are_printed()
    {
        var mediationCase = Register();
        Should.Throw<BusinessException>(() => mediationCase.AddSessionParticipant(1, "张律师", ParticipantRole.Lawyer, "泰安律师事务所", "岱东社区法律顾问",
            "record-1", partiesConsented: true, "demo.legaladvisor", Now)).Code.ShouldBe(CasesErrorCodes.SessionNotFound);
        mediationCase.RecordSession(Now, "调解室", ["张调解"], "双方陈述", [], "demo.mediator", Now);
        // 人民调解法 Art. 20: others are invited only with the parties' consent.
        Should.Throw<BusinessException>(() => mediationCase.AddSessionParticipant(1, "张律师", ParticipantRole.Lawyer, null, null, "record-1",
            partiesConsented: false, "demo.legaladvisor", Now)).Code.ShouldBe(CasesErrorCodes.ParticipantConsentMissing);

        var joined = mediationCase.AddSessionParticipant(1, "张律师", ParticipantRole.Lawyer, "泰安律师事务所", "岱东社区法律顾问", "record-1", true, "demo.legaladvisor", Now);
        (joined.SessionNumber, joined.Name, joined.Role, joined.Capacity).ShouldBe((1, "张律师", ParticipantRole.Lawyer, (string?)"岱东社区法律顾问"));
        Should.Throw<BusinessException>(() => mediationCase.AddSessionParticipant(1, "张律师", ParticipantRole.Lawyer, null, null, "record-2", true, null, Now))
            .Code.ShouldBe(CasesErrorCodes.AlreadyParticipant);

        mediationCase.Session(1).MinutesIssued(Guid.NewGuid());
        Should.Throw<BusinessException>(() => mediationCase.AddSessionParticipant(1, "李律师", ParticipantRole.GrassrootsLegalWorker, null, null, "record-3",
            true, null, Now)).Code.ShouldBe(CasesErrorCodes.MinutesAlreadyIssued);
        mediationCase.Participants.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_registered_case_is_numbered_by_committee_year_and_sequence()
    {
        var registered = Register();
        registered.Number.ShouldBe("岱庙调〔2026〕7号");
        registered.Status.ShouldBe(CaseStatus.Registered);
        registered.RiskHistory.ShouldHaveSingleItem().Grade.ShouldBe(RiskGrade.Blue);
    }

    [Fact]
    public void A_case_needs_two_parties() =>
        Should.Throw<BusinessException>(() => Register(parties: [Party()])).Code.ShouldBe(CasesErrorCodes.TooFewParties);

    [Fact]
    public void Every_party_must_consent() =>
        Should.Throw<BusinessException>(() => Register(parties: [Party(), Party(consents: false)])).Code.ShouldBe(CasesErrorCodes.PartyConsentMissing);

    [Fact]
    public void A_case_needs_a_mediator_of_its_committee()
    {
        Should.Throw<BusinessException>(() => Register(mediators: [])).Code.ShouldBe(CasesErrorCodes.NoMediator);
        Should.Throw<BusinessException>(() => Register(mediators: [Guid.NewGuid()])).Code.ShouldBe(CasesErrorCodes.MediatorNotInCommittee);
    }

    [Fact]
    public void Raising_to_red_is_reported_and_every_assessment_is_kept()
    {
        var registered = Register(grade: RiskGrade.Yellow);
        registered.AssessRisk(RiskGrade.Orange, "双方争吵升级", "demo.mediator", Now.AddDays(1)).ShouldBeFalse();
        registered.AssessRisk(RiskGrade.Red, "一方扬言报复", "demo.mediator", Now.AddDays(2)).ShouldBeTrue();
        registered.RiskHistory.Select(r => r.Grade).ShouldBe([RiskGrade.Yellow, RiskGrade.Orange, RiskGrade.Red]);
        Should.Throw<BusinessException>(() => registered.AssessRisk(RiskGrade.Red, null, null, Now)).Code.ShouldBe(CasesErrorCodes.SameRiskGrade);
    }

    private static CaseConclusion Written(bool mayTurnCriminal = false, DateOnly? reported = null) => new(CaseOutcome.Succeeded,
        "排水沟改道致积水", "排水沟走向", "双方均有责任", [new AgreementTermInput("王某改造排水沟", 1500m, new DateOnly(2026, 4, 30))],
        null, null, null, mayTurnCriminal, reported);

    private static MediationCase InSession()
    {
        var registered = Register();
        registered.RecordSession(Now, "岱东社区调解室", ["张调解", "王某", "李某"], "双方陈述，调解员释法说理",
            [(registered.Parties[0].Id, "对方排水淹了我家"), (registered.Parties[1].Id, "沟是老沟")], "demo.mediator", Now);
        return registered;
    }

    [Fact]
    public void The_first_session_starts_the_mediation_and_every_session_is_numbered()
    {
        var registered = InSession();
        registered.Status.ShouldBe(CaseStatus.InMediation);
        registered.RecordSession(Now.AddDays(3), "岱东社区调解室", ["张调解"], "第二次调解", [], "demo.mediator", Now.AddDays(3)).Number.ShouldBe(2);
        registered.Sessions.Select(s => s.Number).ShouldBe([1, 2]);
        registered.Statements.Count.ShouldBe(2);
        registered.Status.ShouldBe(CaseStatus.InMediation);
    }

    [Fact]
    public void A_statement_must_come_from_a_party_of_the_case() =>
        Should.Throw<BusinessException>(() => Register().RecordSession(Now, "调解室", ["张调解"], "笔录", [(Guid.NewGuid(), "我说")], null, Now))
            .Code.ShouldBe(CasesErrorCodes.PartyNotInCase);

    [Fact]
    public void A_written_agreement_concludes_the_case_once()
    {
        var mediationCase = InSession();
        mediationCase.Conclude(Written(), "demo.mediator", Now.AddDays(5));
        mediationCase.Status.ShouldBe(CaseStatus.Concluded);
        mediationCase.Outcome.ShouldBe(CaseOutcome.Succeeded);
        mediationCase.Terms.ShouldHaveSingleItem().Amount.ShouldBe(1500m);
        mediationCase.OtherRoutes.ShouldBeEmpty();
        Should.Throw<BusinessException>(() => mediationCase.Conclude(Written(), null, Now)).Code.ShouldBe(CasesErrorCodes.AlreadyConcluded);
        Should.Throw<BusinessException>(() => mediationCase.RecordSession(Now, "调解室", ["张调解"], "笔录", [], null, Now)).Code.ShouldBe(CasesErrorCodes.AlreadyConcluded);
    }

    [Fact]
    public void A_written_agreement_needs_every_element_of_article_29()
    {
        Should.Throw<BusinessException>(() => InSession().Conclude(Written() with { Terms = [] }, null, Now)).Code.ShouldBe(CasesErrorCodes.AgreementIncomplete);
        Should.Throw<BusinessException>(() => InSession().Conclude(Written() with { DisputedPoints = " " }, null, Now)).Code.ShouldBe(CasesErrorCodes.AgreementIncomplete);
        Should.Throw<BusinessException>(() => InSession().Conclude(Written() with { Facts = null }, null, Now)).Code.ShouldBe(CasesErrorCodes.AgreementIncomplete);
        Should.Throw<BusinessException>(() => InSession().Conclude(Written() with { Responsibilities = null }, null, Now)).Code.ShouldBe(CasesErrorCodes.AgreementIncomplete);
    }

    [Fact]
    public void An_oral_agreement_needs_the_mediators_record_and_a_termination_its_reason()
    {
        var oral = new CaseConclusion(CaseOutcome.OralAgreement, null, null, null, [], null, null, null, false, null);
        Should.Throw<BusinessException>(() => InSession().Conclude(oral, null, Now)).Code.ShouldBe(CasesErrorCodes.OralRecordMissing);
        var settled = InSession();
        settled.Conclude(oral with { OralRecord = "王某当场支付200元" }, null, Now);
        settled.OralRecord.ShouldBe("王某当场支付200元");

        var terminated = new CaseConclusion(CaseOutcome.Terminated, null, null, null, [], null, null, null, false, null);
        Should.Throw<BusinessException>(() => InSession().Conclude(terminated, null, Now)).Code.ShouldBe(CasesErrorCodes.TerminationReasonMissing);
        var ended = InSession();
        ended.Conclude(terminated with { Reason = "一方起诉至法院" }, null, Now);
        ended.OtherRoutes.ShouldBe([OtherRoute.Arbitration, OtherRoute.Administrative, OtherRoute.Court]);
        Should.Throw<BusinessException>(() => ended.EnsureAgreementCanBeIssued()).Code.ShouldBe(CasesErrorCodes.NoWrittenAgreement);
    }

    [Fact]
    public void A_dispute_that_may_turn_criminal_needs_the_date_the_police_were_told()
    {
        Should.Throw<BusinessException>(() => InSession().Conclude(Written(mayTurnCriminal: true), null, Now)).Code.ShouldBe(CasesErrorCodes.PoliceReportMissing);
        var reported = InSession();
        reported.Conclude(Written(mayTurnCriminal: true, reported: new DateOnly(2026, 3, 3)), null, Now);
        reported.ReportedToPoliceOn.ShouldBe(new DateOnly(2026, 3, 3));
    }

    [Fact]
    public void The_history_reads_in_the_order_the_steps_were_recorded_even_within_one_second_and_with_a_signing_typed_to_the_minute()
    {
        var mediationCase = Register();
        mediationCase.AssessRisk(RiskGrade.Yellow, "双方情绪激动", "demo.mediator", Now);
        mediationCase.RecordSession(Now, "调解室", ["张调解"], "双方陈述", [], "demo.mediator", Now);
        mediationCase.Conclude(Written(), "demo.mediator", Now);
        mediationCase.AgreementIssued(Guid.NewGuid(), "岱庙调〔2026〕7号", Now, "demo.mediator");
        // The page's field takes minutes: the signing reads 00:59 while the case was registered at 01:00:00.
        mediationCase.MarkAgreementSigned(Now.AddSeconds(-59), Now, "demo.mediator");

        mediationCase.Events.Select(e => e.Kind).ShouldBe([CaseEventKind.Registered, CaseEventKind.RiskAssessed, CaseEventKind.RiskAssessed,
            CaseEventKind.Session, CaseEventKind.Concluded, CaseEventKind.AgreementIssued, CaseEventKind.AgreementSigned]);
        mediationCase.Events.Select(e => e.Sequence).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        mediationCase.Events.ShouldAllBe(e => e.Actor == "demo.mediator");
        mediationCase.Events.Single(e => e.Kind == CaseEventKind.Concluded).Detail.ShouldBe(nameof(CaseOutcome.Succeeded));
    }

    [Fact]
    public void A_case_reopened_after_the_courts_refusal_keeps_its_first_conclusion_in_its_history()
    {
        var mediationCase = InSession();
        mediationCase.Conclude(Written(), null, Now);
        mediationCase.AgreementIssued(Guid.NewGuid());
        mediationCase.MarkAgreementSigned(Now, Now);
        mediationCase.RecordJudicialApplication("泰山区人民法院", new DateOnly(2026, 3, 2), Now);
        mediationCase.RecordCourtDecision(CourtDecision.Refused, new DateOnly(2026, 3, 20), null);
        mediationCase.ReopenAfterRefusal(Now.AddDays(20));
        mediationCase.Conclude(Written(), null, Now.AddDays(21));

        mediationCase.Events.Count(e => e.Kind == CaseEventKind.Concluded).ShouldBe(2);
        mediationCase.Events.SkipWhile(e => e.Kind != CaseEventKind.CourtDecision).Select(e => e.Kind)
            .ShouldBe([CaseEventKind.CourtDecision, CaseEventKind.Reopened, CaseEventKind.Concluded]);
    }

    [Fact]
    public void The_agreement_is_issued_then_signed_then_confirmed_by_the_court_in_that_order()
    {
        var mediationCase = InSession();
        mediationCase.Conclude(Written(), null, Now);
        Should.Throw<BusinessException>(() => mediationCase.MarkAgreementSigned(Now, Now)).Code.ShouldBe(CasesErrorCodes.AgreementNotIssued);
        Should.Throw<BusinessException>(() => mediationCase.RecordCourtDecision(CourtDecision.Confirmed, new DateOnly(2026, 4, 1), null))
            .Code.ShouldBe(CasesErrorCodes.AgreementNotSigned);
        var documentId = Guid.NewGuid();
        mediationCase.AgreementIssued(documentId);
        Should.Throw<BusinessException>(() => mediationCase.EnsureAgreementCanBeIssued()).Code.ShouldBe(CasesErrorCodes.AgreementAlreadyIssued);
        mediationCase.MarkAgreementSigned(Now.AddDays(1), Now.AddDays(1));
        Should.Throw<BusinessException>(() => mediationCase.MarkAgreementSigned(Now, Now.AddDays(1))).Code.ShouldBe(CasesErrorCodes.AgreementAlreadySigned);
        Should.Throw<BusinessException>(() => mediationCase.RecordCourtDecision(CourtDecision.Confirmed, new DateOnly(2026, 4, 1), null))
            .Code.ShouldBe(CasesErrorCodes.JudicialApplicationMissing);
        mediationCase.RecordJudicialApplication("泰山区人民法院", new DateOnly(2026, 3, 10), Now.AddDays(20));
        mediationCase.RecordCourtDecision(CourtDecision.Confirmed, new DateOnly(2026, 4, 1), "泰山区人民法院");
        mediationCase.CourtDecision.ShouldBe(CourtDecision.Confirmed);
        Should.Throw<BusinessException>(() => mediationCase.RecordCourtDecision(CourtDecision.Refused, new DateOnly(2026, 4, 2), null))
            .Code.ShouldBe(CasesErrorCodes.CourtDecisionRecorded);
    }

    [Fact]
    public void A_written_agreement_takes_effect_on_the_day_the_last_signature_was_recorded_not_at_the_conclusion()
    {
        var mediationCase = InSession();
        mediationCase.Conclude(Written(), null, Now);
        mediationCase.AgreementIssued(Guid.NewGuid());
        mediationCase.AgreementEffectiveOn.ShouldBeNull();
        var lastSignature = new DateTimeOffset(2026, 3, 4, 17, 30, 0, TimeSpan.Zero); // 5 March in China
        mediationCase.MarkAgreementSigned(lastSignature, lastSignature.AddDays(1));
        mediationCase.AgreementEffectiveOn.ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void An_agreement_is_not_signed_before_its_conclusion_nor_in_the_future()
    {
        var mediationCase = InSession();
        mediationCase.Conclude(Written(), null, Now);
        mediationCase.AgreementIssued(Guid.NewGuid());
        Should.Throw<BusinessException>(() => mediationCase.MarkAgreementSigned(Now.AddDays(-1), Now)).Code.ShouldBe(CasesErrorCodes.SigningDateOutOfRange);
        Should.Throw<BusinessException>(() => mediationCase.MarkAgreementSigned(Now.AddDays(2), Now)).Code.ShouldBe(CasesErrorCodes.SigningDateOutOfRange);
    }

    [Fact]
    public void An_oral_agreement_takes_effect_when_it_is_recorded_at_the_conclusion()
    {
        var mediationCase = InSession();
        mediationCase.Conclude(new CaseConclusion(CaseOutcome.OralAgreement, null, null, null, [], null, "王某当场支付200元", null, false, null), null, Now);
        mediationCase.AgreementEffectiveOn.ShouldBe(new DateOnly(2026, 3, 2));
        var failed = InSession();
        failed.Conclude(new CaseConclusion(CaseOutcome.Failed, null, null, null, [], null, null, "分歧过大", false, null), null, Now);
        failed.AgreementEffectiveOn.ShouldBeNull();
    }

    [Fact]
    public void Parties_are_told_only_the_routes_open_to_their_dispute_type()
    {
        MediationCase.RoutesOpenTo(DisputeType.MarriageFamily).ShouldNotContain(OtherRoute.Arbitration); // 仲裁法 Art. 3
        MediationCase.RoutesOpenTo(DisputeType.Labour).ShouldBe([OtherRoute.Arbitration, OtherRoute.Court]); // 劳动争议调解仲裁法 Art. 5
        Mediation.Cases.Application.CaseDocumentsAppService.RouteText(DisputeType.Labour, OtherRoute.Arbitration).ShouldContain("劳动争议仲裁委员会");
        Mediation.Cases.Application.CaseDocumentsAppService.RouteText(DisputeType.Labour, OtherRoute.Court).ShouldStartWith("对劳动争议仲裁裁决不服的");
        Mediation.Cases.Application.CaseDocumentsAppService.RouteNote(DisputeType.MarriageFamily).ShouldNotBeNull().ShouldContain("第三条");
        MediationCase.RoutesOpenTo(DisputeType.Neighbourhood).ShouldBe([OtherRoute.Arbitration, OtherRoute.Administrative, OtherRoute.Court]);
    }

    [Fact]
    public void An_agreed_amount_is_also_written_in_capitals()
    {
        var term = new AgreementTerm(1, "李某赔偿王某损失", 3200m, new DateOnly(2026, 4, 5));
        Mediation.Cases.Application.CaseProceedingsAppService.TermText(term)
            .ShouldBe("李某赔偿王某损失，金额人民币3,200.00元（大写：人民币叁仟贰佰元整），于2026年4月5日前履行完毕。");
    }

    [Fact]
    public void The_joint_application_is_not_before_the_agreement_took_effect_and_is_recorded_once()
    {
        var mediationCase = InSession();
        mediationCase.Conclude(Written(), null, Now);
        Should.Throw<BusinessException>(() => mediationCase.RecordJudicialApplication("法院", new DateOnly(2026, 3, 3), Now.AddDays(2)))
            .Code.ShouldBe(CasesErrorCodes.AgreementNotSigned);
        mediationCase.AgreementIssued(Guid.NewGuid());
        mediationCase.MarkAgreementSigned(Now.AddDays(1), Now.AddDays(1)); // effective 3 March
        Should.Throw<BusinessException>(() => mediationCase.RecordJudicialApplication("法院", new DateOnly(2026, 3, 2), Now.AddDays(2)))
            .Code.ShouldBe(CasesErrorCodes.JudicialApplicationDateOutOfRange);
        mediationCase.RecordJudicialApplication("泰山区人民法院", new DateOnly(2026, 3, 3), Now.AddDays(2));
        Should.Throw<BusinessException>(() => mediationCase.RecordJudicialApplication("法院", new DateOnly(2026, 3, 3), Now.AddDays(2)))
            .Code.ShouldBe(CasesErrorCodes.JudicialApplicationRecorded);
    }

    [Fact]
    public void Only_a_refusal_by_the_court_opens_the_case_for_mediation_again()
    {
        var mediationCase = InSession();
        mediationCase.Conclude(Written(), null, Now);
        mediationCase.AgreementIssued(Guid.NewGuid());
        mediationCase.MarkAgreementSigned(Now, Now);
        mediationCase.RecordJudicialApplication("泰山区人民法院", new DateOnly(2026, 3, 2), Now);
        Should.Throw<BusinessException>(() => mediationCase.ReopenAfterRefusal(Now)).Code.ShouldBe(CasesErrorCodes.NotRefusedByCourt);
        mediationCase.RecordCourtDecision(CourtDecision.Refused, new DateOnly(2026, 3, 20), null);
        mediationCase.ReopenAfterRefusal(Now.AddDays(20));
        mediationCase.Status.ShouldBe(CaseStatus.InMediation);
        mediationCase.Outcome.ShouldBeNull();
        mediationCase.Terms.ShouldBeEmpty();
        mediationCase.Conclude(Written(), null, Now.AddDays(21));
        mediationCase.Outcome.ShouldBe(CaseOutcome.Succeeded);
    }

    [Fact]
    public void A_marriage_and_family_agreement_warns_that_personal_status_cannot_be_confirmed()
    {
        var family = MediationCase.Register(Guid.NewGuid(), Committee(), new CaseNumber(2026, 8), DisputeType.MarriageFamily, "赡养纠纷", null, null,
            CaseSource.WalkIn, null, [Party(), Party()], [MediatorId], RiskGrade.Blue, null, null, Now);
        family.MayConcernPersonalStatus.ShouldBeFalse();
        family.Conclude(Written(), null, Now);
        family.MayConcernPersonalStatus.ShouldBeTrue();
        var neighbours = InSession();
        neighbours.Conclude(Written(), null, Now);
        neighbours.MayConcernPersonalStatus.ShouldBeFalse();
    }

    [Fact]
    public void Seeing_a_criminal_risk_records_the_police_report_then_and_becoming_criminal_is_recorded_apart()
    {
        var mediationCase = InSession();
        Should.Throw<BusinessException>(() => mediationCase.AssessRisk(RiskGrade.Orange, "扬言报复", new PoliceReport(new DateOnly(2026, 3, 2), " "), null, Now))
            .Code.ShouldBe(CasesErrorCodes.PoliceReportMissing);
        Should.Throw<BusinessException>(() => mediationCase.AssessRisk(RiskGrade.Orange, "扬言报复", new PoliceReport(new DateOnly(2026, 3, 9), "岱庙派出所"), null, Now))
            .Code.ShouldBe(CasesErrorCodes.PoliceReportDateOutOfRange);
        mediationCase.AssessRisk(RiskGrade.Orange, "扬言报复", new PoliceReport(new DateOnly(2026, 3, 2), "岱庙派出所"), null, Now);
        mediationCase.MayTurnCriminal.ShouldBeTrue();
        mediationCase.ReportedToPoliceOn.ShouldBe(new DateOnly(2026, 3, 2));
        mediationCase.PoliceStation.ShouldBe("岱庙派出所");
        mediationCase.BecameCriminalOn.ShouldBeNull();

        mediationCase.Conclude(Written(), null, Now.AddDays(3)); // no report at conclusion needed: it was made when the risk was seen
        mediationCase.ReportedToPoliceOn.ShouldBe(new DateOnly(2026, 3, 2));
        mediationCase.RecordBecameCriminal(new DateOnly(2026, 3, 6), "以故意伤害立案", Now.AddDays(5));
        mediationCase.BecameCriminalOn.ShouldBe(new DateOnly(2026, 3, 6));
        Should.Throw<BusinessException>(() => mediationCase.RecordBecameCriminal(new DateOnly(2026, 3, 6), "再次", Now.AddDays(5)))
            .Code.ShouldBe(CasesErrorCodes.BecameCriminalRecorded);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void Becoming_criminal_before_the_registration_or_after_today_is_refused_with_its_own_code_not_the_police_reports(int daysFromToday)
    {
        var mediationCase = InSession();
        var today = DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var on = daysFromToday < 0 ? DateOnly.FromDateTime(mediationCase.RegisteredAt.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(daysFromToday) : today.AddDays(daysFromToday);
        Should.Throw<BusinessException>(() => mediationCase.RecordBecameCriminal(on, "以故意伤害立案", Now))
            .Code.ShouldBe(CasesErrorCodes.BecameCriminalDateOutOfRange);
        mediationCase.BecameCriminalOn.ShouldBeNull();
    }
}
