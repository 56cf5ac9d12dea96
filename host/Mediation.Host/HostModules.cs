using Mediation.Cases;
using Mediation.Core.Documents;
using Mediation.Core.Modularity;
using Mediation.Core.OrgUnits;
using Mediation.JointMeetings;
using Mediation.LegalWindows;
using Mediation.Petitions;
using Mediation.ServiceDesk;

namespace Mediation.Host;

/// <summary>Every module this host runs, in start-up order. Adding a module means adding a line here.</summary>
public static class HostModules
{
    public static ModuleCatalog Create() => new(
    [
        new OrgUnitsModule(),
        new DocumentsModule(),
        new CasesModule(),
        new PetitionsModule(),
        new LegalWindowsModule(),
        new ServiceDeskModule(),
        new JointMeetingsModule(),
    ]);
}
