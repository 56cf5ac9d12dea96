namespace Mediation.Core.Documents;

/// <summary>Permission names for the documents feature; the Identity work attaches them to the endpoints.</summary>
public static class DocumentsPermissions
{
    public const string GroupName = "Documents";

    public static class Templates
    {
        public const string Read = GroupName + ".Templates.Read";
        public const string Manage = GroupName + ".Templates.Manage";
    }

    public static class Archive
    {
        public const string Issue = GroupName + ".Archive.Issue";
        public const string Read = GroupName + ".Archive.Read";
        public const string Verify = GroupName + ".Archive.Verify";
    }
}
