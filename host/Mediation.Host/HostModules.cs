using Mediation.Cases;
using Mediation.Core.Deadlines;
using Mediation.Core.Documents;
using Mediation.Core.Modularity;
using Mediation.Core.Notifications;
using Mediation.Core.OrgUnits;
using Mediation.Identity;
using Mediation.Web.Deadlines;
using Mediation.Web.Documents;
using Mediation.Web.Exports;
using Mediation.Web.Http;
using Mediation.Web.Notifications;
using Mediation.Web.OrgUnits;
using Mediation.Integrations;
using Mediation.JointMeetings;
using Mediation.LegalWindows;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Mediation.Statistics;

namespace Mediation.Host;

/// <summary>Every module this host runs, in start-up order. Adding a module means adding a line here.</summary>
public static class HostModules
{
    public static ModuleCatalog Create() => new(
    [
        new OrgUnitsModule(),
        new DocumentsModule(),
        new AuthModule(),
        new IdentityModule(),
        new AuditModule(),
        new CalendarModule(),
        new DeadlinesModule(),
        new NotificationsModule(),
        new IdempotencyModule(),
        new ExportsModule(),
        new CasesModule(),
        new PetitionsModule(),
        new LegalWindowsModule(),
        new ServiceDeskModule(),
        new JointMeetingsModule(),
        new StatisticsModule(),
        new IntegrationsModule(),
    ]);
}
