using Mediation.Cases;
using Mediation.Cases.Domain;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Shouldly;

namespace Mediation.Tests.Cases;

/// <summary>After the conclusion: follow-up visits (Art. 31), the term's continuation by consent, the documents of a session and of a termination.</summary>
public sealed class FollowUp_Tests
{
    // 2026-03-10 09:00 in China.
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid MediatorId = Guid.NewGuid();
    private static readonly ProtectedValue SomeId = new("1101**********002X", "cipher", "hash");

    private static MediationCase InSession()
    {
        var committee = new MediationCommittee(Guid.NewGuid(), Guid.NewGuid(), "岱庙街道人民调解委员会", "岱庙", CommitteeKind.TownshipOrStreet);
        committee.AddMediator(MediatorId, "张调解", isHead: true);
        var registered = MediationCase.Register(Guid.NewGuid(), committee, new CaseNumber(2026, 3), DisputeType.Neighbourhood, "邻里排水纠纷", null, null,
            CaseSource.WalkIn, null, [CaseParty.Person("王某", SomeId, null, null, true), CaseParty.Person("李某", SomeId, null, null, true)],
            [MediatorId], RiskGrade.Blue, null, "demo.mediator", Now.AddDays(-20));
        registered.RecordSession(Now.AddDays(-5), "岱东社区调解室", ["张调解", "王某", "李某"], "双方陈述",
            [(registered.Parties[0].Id, "排水淹了我家")], "demo.mediator", Now.AddDays(-5));
        return registered;
    }

    private static CaseConclusion Written(params AgreementTermInput[] terms) =>
        new(CaseOutcome.Succeeded, "排水沟改道致积水", "排水沟走向", "双方均有责任", terms, null, null, null, false, null);

    private static MediationCase Concluded(CaseConclusion conclusion)
    {
        var mediationCase = InSession();
        mediationCase.Conclude(conclusion, "demo.mediator", Now);
        return mediationCase;
    }

    private static VisitRecord Record(MediationCase c, IEnumerable<int> terms, IEnumerable<Guid>? parties = null) => new(Now.AddDays(3), VisitMethod.Phone,
        terms.Select(n => new VisitRecord.Term(n, TermPerformance.Performed, null)).ToList(),
        (parties ?? c.Parties.Select(p => p.Id)).Select(id => new VisitRecord.Party(id, PartySatisfaction.Satisfied, null)).ToList(), "已履行", "张调解");

    [Fact]
    public void A_written_agreement_gets_a_visit_after_conclusion_and_one_per_later_due_date()
    {
        var mediationCase = Concluded(Written(
            new AgreementTermInput("王某当场赔偿", 200m, null),
            new AgreementTermInput("李某改造排水沟", null, new DateOnly(2026, 4, 30)),
            new AgreementTermInput("李某清理淤泥", null, new DateOnly(2026, 4, 30)),
            new AgreementTermInput("王某修补院墙", null, new DateOnly(2026, 5, 15)),
            new AgreementTermInput("已于结案前履行", null, new DateOnly(2026, 3, 1))));

        var visits = FollowUpVisit.ScheduleFor(mediationCase);

        visits.Select(v => (v.Kind, v.ScheduledOn, string.Join(',', v.CoveredTerms))).ShouldBe(
        [
            (FollowUpVisitKind.AfterConclusion, new DateOnly(2026, 3, 10), "1,5"),
            (FollowUpVisitKind.TermDue, new DateOnly(2026, 4, 30), "2,3"),
            (FollowUpVisitKind.TermDue, new DateOnly(2026, 5, 15), "4"),
        ]);
        visits.ShouldAllBe(v => v.Status == FollowUpVisitStatus.Scheduled && v.OrgUnitId == mediationCase.OrgUnitId);
    }

    [Fact]
    public void An_oral_agreement_gets_one_visit_and_an_open_or_failed_case_none()
    {
        var oral = Concluded(new CaseConclusion(CaseOutcome.OralAgreement, null, null, null, [], null, "王某当场支付200元", null, false, null));
        FollowUpVisit.ScheduleFor(oral).ShouldHaveSingleItem().CoveredTerms.ShouldBeEmpty();

        Should.Throw<BusinessException>(() => FollowUpVisit.ScheduleFor(InSession())).Code.ShouldBe(CasesErrorCodes.NotConcluded);
        var failed = Concluded(new CaseConclusion(CaseOutcome.Failed, null, null, null, [], null, null, "双方分歧过大", false, null));
        Should.Throw<BusinessException>(() => FollowUpVisit.ScheduleFor(failed)).Code.ShouldBe(CasesErrorCodes.NoAgreementToFollowUp);
    }

    [Fact]
    public void A_visit_records_every_covered_term_and_every_partys_satisfaction_once()
    {
        var mediationCase = Concluded(Written(new AgreementTermInput("赔偿", 200m, null), new AgreementTermInput("改沟", null, new DateOnly(2026, 4, 30))));
        var visit = FollowUpVisit.ScheduleFor(mediationCase)[0];

        Should.Throw<BusinessException>(() => visit.Record(mediationCase, Record(mediationCase, []), null, Now)).Code.ShouldBe(CasesErrorCodes.TermPerformanceMissing);
        Should.Throw<BusinessException>(() => visit.Record(mediationCase, Record(mediationCase, [1, 2]), null, Now)).Code.ShouldBe(CasesErrorCodes.TermNotCovered);
        Should.Throw<BusinessException>(() => visit.Record(mediationCase, Record(mediationCase, [1], [mediationCase.Parties[0].Id]), null, Now))
            .Code.ShouldBe(CasesErrorCodes.PartySatisfactionMissing);
        Should.Throw<BusinessException>(() => visit.Record(mediationCase, Record(mediationCase, [1], [.. mediationCase.Parties.Select(p => p.Id), Guid.NewGuid()]), null, Now))
            .Code.ShouldBe(CasesErrorCodes.PartyNotInCase);

        visit.Record(mediationCase, Record(mediationCase, [1]), "demo.mediator", Now.AddDays(3));
        visit.Status.ShouldBe(FollowUpVisitStatus.Recorded);
        visit.Performances.ShouldHaveSingleItem().Performance.ShouldBe(TermPerformance.Performed);
        visit.Satisfactions.Count.ShouldBe(2);
        visit.Method.ShouldBe(VisitMethod.Phone);
        Should.Throw<BusinessException>(() => visit.Record(mediationCase, Record(mediationCase, [1]), null, Now)).Code.ShouldBe(CasesErrorCodes.VisitAlreadyRecorded);
    }

    [Fact]
    public void Mediation_continues_past_its_term_only_with_every_partys_consent_and_a_later_date()
    {
        var mediationCase = InSession();
        var due = new DateOnly(2026, 3, 20);
        Should.Throw<BusinessException>(() => mediationCase.ContinueMediation([mediationCase.Parties[0].Id], new DateOnly(2026, 3, 18), due, due.AddDays(30), null, null, Now))
            .Code.ShouldBe(CasesErrorCodes.ContinuationConsentMissing);
        Should.Throw<BusinessException>(() => mediationCase.ContinueMediation([.. mediationCase.Parties.Select(p => p.Id), Guid.NewGuid()], new DateOnly(2026, 3, 18), due, due.AddDays(30), null, null, Now))
            .Code.ShouldBe(CasesErrorCodes.PartyNotInCase);
        Should.Throw<BusinessException>(() => mediationCase.ContinueMediation([.. mediationCase.Parties.Select(p => p.Id)], new DateOnly(2026, 3, 18), due, due, null, null, Now))
            .Code.ShouldBe(CasesErrorCodes.TermNotLonger);

        var continuation = mediationCase.ContinueMediation([.. mediationCase.Parties.Select(p => p.Id).Reverse()], new DateOnly(2026, 3, 18), due, due.AddDays(30),
            "双方同意再调解一个月", "demo.mediator", Now);
        continuation.Sequence.ShouldBe(1);
        continuation.Days.ShouldBe(30);
        continuation.ConsentingPartyIds.ShouldBe(string.Join(',', mediationCase.Parties.Select(p => p.Id)));
        mediationCase.Continuations.ShouldHaveSingleItem();

        mediationCase.Conclude(Written(new AgreementTermInput("赔偿", 200m, null)), null, Now);
        Should.Throw<BusinessException>(() => mediationCase.ContinueMediation([.. mediationCase.Parties.Select(p => p.Id)], new DateOnly(2026, 3, 18), due, due.AddDays(60), null, null, Now))
            .Code.ShouldBe(CasesErrorCodes.AlreadyConcluded);
    }

    [Fact]
    public void Only_a_failed_or_terminated_mediation_has_a_termination_notice_and_it_is_issued_once()
    {
        Should.Throw<BusinessException>(() => Concluded(Written(new AgreementTermInput("赔偿", 200m, null))).EnsureTerminationNoticeCanBeIssued())
            .Code.ShouldBe(CasesErrorCodes.NotTerminated);
        Should.Throw<BusinessException>(() => InSession().EnsureTerminationNoticeCanBeIssued()).Code.ShouldBe(CasesErrorCodes.NotTerminated);

        foreach (var outcome in new[] { CaseOutcome.Failed, CaseOutcome.Terminated })
        {
            var ended = Concluded(new CaseConclusion(outcome, null, null, null, [], null, null, "一方拒绝继续调解", false, null));
            ended.TerminationNoticeIssued(Guid.NewGuid());
            Should.Throw<BusinessException>(() => ended.TerminationNoticeIssued(Guid.NewGuid())).Code.ShouldBe(CasesErrorCodes.TerminationNoticeAlreadyIssued);
        }
    }

    [Fact]
    public void A_sessions_minutes_are_printed_once_and_an_unknown_session_is_not_found()
    {
        var mediationCase = InSession();
        var session = mediationCase.Session(1);
        session.MinutesIssued(Guid.NewGuid());
        Should.Throw<BusinessException>(() => session.EnsureMinutesCanBeIssued()).Code.ShouldBe(CasesErrorCodes.MinutesAlreadyIssued);
        Should.Throw<EntityNotFoundException>(() => mediationCase.Session(2));
    }
}
