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
    public void A_registered_case_is_numbered_by_committee_year_and_sequence()
    {
        var registered = Register();
        registered.Number.ShouldBe("岱庙调〔2026〕0007号");
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
}
