using System.Net;
using Mediation.Cases;
using Mediation.Web.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>
/// 访调对接 without a 身份证号 (a petitioner registered without one, the other side with a 台湾居民来往大陆通行证) and the
/// specialised committees that labour, medical, traffic and consumer disputes go to (DOMAIN.md).
/// </summary>
public abstract class PartyDocumentsAndSpecialisedCommittees_Tests : PetitionHandOverTestBase
{
    private async Task<PetitionDto> AcceptedWithoutIdCardAsync()
    {
        var officer = await OfficerAsync();
        var registered = await (await officer.PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Visit, DateTimeOffset.UtcNow.AddHours(-1), null,
            [new PetitionerInput("陈某", null, "13800138001", "岱东社区 8 号")], "租住房屋押金不退" + Guid.NewGuid().ToString("N")[..6], "退还押金", "岱东社区",
            null, null, null, null))).ReadAsync<PetitionDto>();
        return await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{registered.Id}/accept",
            new AcceptPetitionInput(registered.ConcurrencyStamp, PetitionCategory.Grievance, GrievanceRoute.Handling)));
    }

    private static HandOverPetitionInput HandOverTo(Guid committeeId, HandOverPartyInput other, bool specialised = false, CommitteeSpecialty? field = null) =>
        new(committeeId, DisputeType.Contract, null, specialised, false, false, false, [new PetitionerConsentInput(1, true)], [other], null, false, false, false, field);

    [Fact]
    public async Task A_party_without_an_id_card_is_handed_over_with_the_reason_and_another_document_is_validated_encrypted_and_masked()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedWithoutIdCardAsync();
        var officer = await OfficerAsync();

        var badPermit = new HandOverPartyInput(PartyKind.Person, "林某", null, null, null, null, "岱东社区 9 号", true, IdDocumentKind.TaiwanTravelPermit, "1234567");
        (await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over", HandOverTo(committee.Id, badPermit) with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{petition.Id}/hand-over") })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var noReason = badPermit with { IdDocumentKind = IdDocumentKind.None, IdDocumentNumber = null };
        var refused = await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over", HandOverTo(committee.Id, noReason) with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{petition.Id}/hand-over") });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("noIdReason");

        var handedOver = await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over",
            HandOverTo(committee.Id, badPermit with { IdDocumentNumber = "12345678" }) with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{petition.Id}/hand-over") }));
        var mediator = await ClientAsync(userName: "demo.mediator");
        var caseJson = await mediator.GetStringAsync($"/api/cases/{handedOver.Mediation!.CaseId}");
        caseJson.ShouldNotContain("12345678");
        var registered = await (await mediator.GetAsync($"/api/cases/{handedOver.Mediation.CaseId}")).ReadAsync<CaseDto>();
        registered.Parties[0].IdDocumentKind.ShouldBe(IdDocumentKind.None);
        registered.Parties[0].NoIdReason.ShouldBe("信访登记时未提供身份证件");
        registered.Parties[0].IdCardNumber.ShouldBeNull();
        registered.Parties[1].IdDocumentKind.ShouldBe(IdDocumentKind.TaiwanTravelPermit);
        registered.Parties[1].IdCardNumber.ShouldBe("12****78");

        var inMediation = await OkAsync<CaseDto>(await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(
            DateTimeOffset.UtcNow.AddHours(-1), "岱东社区调解室", ["调解员", "陈某", "林某"], "双方同意退还押金", [], registered.ConcurrencyStamp)));
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", new ConcludeCaseInput(CaseOutcome.Succeeded,
                "陈某租住林某房屋，退租后押金未退", "押金返还", "林某应当返还",
                [new AgreementTermInput("林某退还陈某押金", 2000m, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)))],
                null, null, null, false, null, inMediation.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var agreement = await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null);
        agreement.StatusCode.ShouldBe(HttpStatusCode.Created, await agreement.Content.ReadAsStringAsync());
        var pdf = await mediator.GetAsync($"/api/documents/{(await agreement.ReadAsync<AgreementIssuedDto>()).DocumentId}");
        var text = PdfText.AllText(await pdf.Content.ReadAsByteArrayAsync()).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain("陈某，未登记身份证件（信访登记时未提供身份证件）");
        text.ShouldContain("林某，台湾居民来往大陆通行证号码12****78");
        text.ShouldNotContain("公民身份号码12");
    }

    [Fact]
    public async Task A_medical_dispute_goes_only_to_a_specialised_committee_for_medical_disputes()
    {
        var coordinator = await ClientAsync(userName: "demo.coordinator");
        var taishan = (await (await coordinator.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902");
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var unnamed = await coordinator.PostJsonAsync("/api/cases/committees",
            new CreateCommitteeInput(taishan.Id, "泰山区医疗纠纷人民调解委员会" + suffix, "医" + suffix, CommitteeKind.Specialised));
        unnamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unnamed.Content.ReadAsStringAsync()).ShouldContain(CasesErrorCodes.SpecialtyRequired);
        var medical = await (await coordinator.PostJsonAsync("/api/cases/committees",
            new CreateCommitteeInput(taishan.Id, "泰山区医疗纠纷人民调解委员会" + suffix, "医" + suffix, CommitteeKind.Specialised, CommitteeSpecialty.Medical))).ReadAsync<CommitteeDto>();
        medical.Specialty.ShouldBe(CommitteeSpecialty.Medical);
        var me = await (await (await ClientAsync(userName: "demo.mediator")).GetAsync("/api/auth/me")).ReadAsync<Mediation.Identity.MeDto>();
        await OkAsync<CommitteeDto>(await coordinator.PostJsonAsync($"/api/cases/committees/{medical.Id}/mediators", new Mediation.Cases.AddMediatorInput(me.Id, null, true)));
        var ordinary = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var officer = await OfficerAsync();
        var other = new HandOverPartyInput(PartyKind.Person, "李某", OtherPartyId, null, null, null, "岱东社区 5 号", true);

        var check = await OkAsync<HandOverCheckDto>(await officer.GetAsync($"/api/petitions/{petition.Id}/hand-over"));
        check.Committees.Single(c => c.Id == medical.Id).Specialty.ShouldBe(CommitteeSpecialty.Medical);
        (await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over", HandOverTo(medical.Id, other, specialised: true) with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{petition.Id}/hand-over") }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over",
            HandOverTo(ordinary.Id, other, specialised: true, CommitteeSpecialty.Medical) with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{petition.Id}/hand-over") }), PetitionsErrorCodes.HandOverSpecialisedBodyMatter);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over",
            HandOverTo(medical.Id, other, specialised: true, CommitteeSpecialty.Labour) with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{petition.Id}/hand-over") }), PetitionsErrorCodes.HandOverSpecialisedBodyMatter);
        var handedOver = await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over",
            HandOverTo(medical.Id, other, specialised: true, CommitteeSpecialty.Medical) with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{petition.Id}/hand-over") }));
        handedOver.Mediation!.CaseNumber.ShouldStartWith("医" + suffix + "调〔");
    }
}

public sealed class PartyDocumentsAndSpecialisedCommittees_Tests_on_Sqlite(SqliteApp app) : PartyDocumentsAndSpecialisedCommittees_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class PartyDocumentsAndSpecialisedCommittees_Tests_on_PostgreSql(PostgresCluster cluster) : PartyDocumentsAndSpecialisedCommittees_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}

public sealed class IdDocument_Tests
{
    [Theory]
    [InlineData(IdDocumentKind.Passport, "E12345678", true)]
    [InlineData(IdDocumentKind.Passport, "E1234", true)]
    [InlineData(IdDocumentKind.Passport, "E12-345678", false)]
    [InlineData(IdDocumentKind.HkMacaoTaiwanResidencePermit, "810000199408230021", true)]
    [InlineData(IdDocumentKind.HkMacaoTaiwanResidencePermit, "11010519491231002X", false)]
    [InlineData(IdDocumentKind.HkMacaoTravelPermit, "H12345678", true)]
    [InlineData(IdDocumentKind.HkMacaoTravelPermit, "M1234567890", true)]
    [InlineData(IdDocumentKind.HkMacaoTravelPermit, "A12345678", false)]
    [InlineData(IdDocumentKind.TaiwanTravelPermit, "12345678", true)]
    [InlineData(IdDocumentKind.TaiwanTravelPermit, "1234567", false)]
    [InlineData(IdDocumentKind.None, "12345678", false)]
    public void Each_document_has_its_format(IdDocumentKind kind, string number, bool valid) =>
        ChineseIdentifiers.IsValidIdDocument(kind, number).ShouldBe(valid);

    [Fact]
    public void A_document_number_is_masked_but_for_two_characters_at_each_end() =>
        Masking.Mask(PersonalDataKind.IdDocumentNumber, "E12345678").ShouldBe("E1*****78");

    [Fact]
    public void A_specialised_committee_names_its_field_and_only_it_does()
    {
        Should.Throw<Mediation.Core.Domain.BusinessException>(() => new Mediation.Cases.Domain.MediationCommittee(Guid.NewGuid(), Guid.NewGuid(), "医调委", "医", CommitteeKind.Specialised))
            .Code.ShouldBe(CasesErrorCodes.SpecialtyRequired);
        Should.Throw<Mediation.Core.Domain.BusinessException>(() => new Mediation.Cases.Domain.MediationCommittee(Guid.NewGuid(), Guid.NewGuid(), "街道调委会", "街",
                CommitteeKind.TownshipOrStreet, CommitteeSpecialty.Medical))
            .Code.ShouldBe(CasesErrorCodes.SpecialtyOnlyForSpecialised);
    }
}
