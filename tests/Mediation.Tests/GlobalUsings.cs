global using Mediation.Identity;
global using Mediation.Web.Deadlines;
global using Mediation.Web.Documents;
global using Mediation.Web.Notifications;
global using Mediation.Web.OrgUnits;
global using Mediation.Web.Http;
