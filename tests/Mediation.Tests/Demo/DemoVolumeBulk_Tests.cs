using Mediation.Cases;
using Mediation.Cases.Domain;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Numbering;
using Mediation.Core.PersonalData;
using Mediation.Core.Deadlines;
using Mediation.JointMeetings.Domain;
using Mediation.LegalWindows.Domain;
using Mediation.Petitions;
using Mediation.Petitions.Domain;
using Mediation.Statistics;
using Mediation.Statistics.Application;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Demo;

/// <summary>
/// etc/generate-demo.sh at a size counted in records (6k here, a few seconds), which goes through the bulk path: the same records as
/// the small set's — the seed's rows hold, the figures equal a recount, a record behind a figure opens with its parties and timeline,
/// its numbers are GB/T 9704 and the services' sequence goes on after them, personal data is encrypted with the real key — with one
/// audit entry for the import instead of one per row.
/// </summary>
public abstract class DemoVolumeBulk_Tests
{
    public static readonly IReadOnlyDictionary<string, string?> Settings =
        new Dictionary<string, string?> { [DemoVolume.SizeSetting] = "6k", [DemoVolume.SeedSetting] = "7" };

    protected abstract Task<MediationAppFactory> AppAsync();

    [Fact]
    public async Task The_bulk_path_writes_the_records_the_small_path_writes()
    {
        var factory = await AppAsync();
        var ct = CancellationToken.None;
        await DemoVolume_Tests.SeedRowsHoldAsync(factory);

        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var recount = sp.GetRequiredService<RecountService>();
        (await recount.DifferencesAsync(ct)).ShouldBeEmpty();
        (await recount.CountDifferencesAsync(ct)).ShouldBeEmpty();

        // 东平调〔2020〕1号 … 1607号: unique, without padding, and the next case the services register that year is 1608.
        var db = sp.GetRequiredService<MediationDbContext>();
        var dongping = await db.Set<MediationCommittee>().SingleAsync(c => c.ShortName == "东平", ct);
        var numbers = await db.Set<MediationCase>().Where(c => c.CommitteeId == dongping.Id && c.Year == 2020).Select(c => c.Number).ToListAsync(ct);
        numbers.Order().ShouldBe(Enumerable.Range(1, 1607).Select(n => $"东平调〔2020〕{n}号").Order());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            (await sp.GetRequiredService<INumberSequence>().NextAsync(CaseNumber.Kind, dongping.Id, 2020, ct)).ShouldBe(1608);
            await transaction.RollbackAsync(ct);
        }

        // Parties' 身份证号 encrypted and hashed with the application's keys, as the services store them.
        var first = await db.Set<MediationCase>().SingleAsync(c => c.Number == "东平调〔2020〕1号", ct);
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        first.Parties.Count.ShouldBe(2);
        foreach (var party in first.Parties)
        {
            var idCard = protector.Decrypt(party.IdCardCipher!);
            ChineseIdentifiers.IsValidIdCardNumber(idCard).ShouldBeTrue(idCard);
            idCard.ShouldStartWith("370923");
            party.IdCardHash.ShouldBe(protector.Hash(PersonalDataKind.IdCardNumber, idCard));
        }

        // 东平信〔2020〕1号 … 12号 and 东平法〔2020〕1号 … 20号 the same way: consecutive, unpadded, the services' sequence going on after them.
        var petitions = await db.Set<Petition>().Where(p => p.OrgUnitId == dongping.OrgUnitId && p.Year == 2020).Select(p => p.Number).ToListAsync(ct);
        petitions.Order().ShouldBe(Enumerable.Range(1, 12).Select(n => $"东平信〔2020〕{n}号").Order());
        var window = await db.Set<LegalWindow>().SingleAsync(w => w.OrgUnitId == dongping.OrgUnitId, ct);
        var services = await db.Set<ServiceRecord>().Where(r => r.WindowId == window.Id && r.Year == 2020).Select(r => r.Number).ToListAsync(ct);
        services.Order().ShouldBe(Enumerable.Range(1, 20).Select(n => $"东平法〔2020〕{n}号").Order());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            (await sp.GetRequiredService<INumberSequence>().NextAsync(PetitionNumber.Kind, dongping.OrgUnitId, 2020, ct)).ShouldBe(13);
            await transaction.RollbackAsync(ct);
        }

        // Every generated petition, errand and task is closed and so is its clock: the deadline sweep finds nothing overdue among them.
        var clocks = sp.GetRequiredService<IDeadlineClocks>();
        foreach (var recordType in new[] { Petition.RecordType, "ServiceRecord", AssignedTask.RecordType })
            (await clocks.OpenClocks(recordType).CountAsync(c => c.StartedAt < DemoYearsEnd, ct)).ShouldBe(0, recordType);
        (await db.Set<Petition>().CountAsync(p => p.ReceivedAt < DemoYearsEnd && p.Status != PetitionStatus.Replied && p.Status != PetitionStatus.NotAccepted, ct))
            .ShouldBe(0);

        // One audit entry per module for the import, none per record; no change event waits in the outbox for the recount's work.
        var imports = await db.Set<AuditEntry>().Where(a => a.Action == AuditActions.Imported).Select(a => a.EntityType).ToListAsync(ct);
        imports.Order().ShouldBe([nameof(AssignedTask), "DeskRequest", nameof(MediationCase), nameof(Petition), nameof(ServiceRecord)]);
        (await db.Set<AuditEntry>().CountAsync(a => a.EntityId == first.Id.ToString(), ct)).ShouldBe(0);
        (await db.Set<OutboxMessage>().CountAsync(m => m.EventName == CasesChangedEto.EventName && m.Payload.Contains(first.Id.ToString()), ct)).ShouldBe(0);

        // Drill-down: the records behind 东平's 2020 figure, and one of them opens with its parties, outcome and timeline.
        var client = await factory.ClientAsAsync("demo.coordinator.taian");
        var records = await (await client.GetAsync($"/api/statistics/figures/received/records?orgUnitId={dongping.OrgUnitId}&period=Year&year=2020"))
            .ReadAsync<CountedRecordsDto>();
        records.Total.ShouldBe(1607);
        var counted = records.Items[0];
        var opened = await (await client.GetAsync($"/api/cases/{counted.RecordId}")).ReadAsync<CaseDto>();
        opened.Number.ShouldBe(counted.Number);
        opened.Parties.Count.ShouldBe(2);
        opened.Outcome.ShouldNotBeNull();
        opened.Timeline!.Select(e => e.Kind).ShouldContain(CaseEventKind.Registered);
        opened.Timeline!.Select(e => e.Kind).ShouldContain(CaseEventKind.Concluded);

        // Petitions, legal-window services and joint-meeting tasks of past years, as at the small size.
        await DemoVolume_Tests.PastYearsOfEveryModuleHoldAsync(factory);
    }

    /// <summary>Records generated for past years end four months ago at the latest; the demo seed's own records are of the last weeks.</summary>
    private static readonly DateTimeOffset DemoYearsEnd = DateTimeOffset.UtcNow.AddDays(-100);
}

public sealed class DemoVolumeBulkApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, settings: DemoVolumeBulk_Tests.Settings));

public sealed class DemoVolumeBulk_Tests_on_Sqlite(DemoVolumeBulkApp app) : DemoVolumeBulk_Tests, IClassFixture<DemoVolumeBulkApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class DemoVolumeBulk_Tests_on_PostgreSql(PostgresCluster cluster) : DemoVolumeBulk_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), settings: Settings);
}
