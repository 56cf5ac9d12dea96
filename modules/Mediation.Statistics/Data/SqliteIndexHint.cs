using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mediation.Statistics.Data;

/// <summary>
/// SQLite keeps no statistics of a date range's rows, so where a statement bounds two dates it may guess the wrong date index: the open
/// records due this month were read by (Kind, ConcludedOn IS NULL) — every open record of the kind, all years — instead of
/// (Kind, DueOn). EF cannot write <c>INDEXED BY</c>; a statement tagged with <see cref="Tag"/> reads its table INDEXED BY the named index
/// on SQLite. Other databases see the tag as a comment (PostgreSQL's range statistics choose well). Only tagged statements are touched.
/// </summary>
public sealed partial class SqliteIndexHint : DbCommandInterceptor
{
    private const string Prefix = "-- statistics: indexed by ";
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The query tag that makes SQLite read <paramref name="index"/>'s table through it (TagWith adds the "-- ").</summary>
    public static string Tag(IIndex index) => $"{Prefix[3..]}{index.DeclaringEntityType.GetTableName()} {index.GetDatabaseName()}";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Apply(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Apply(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbCommand command, CommandEventData eventData)
    {
        if (!command.CommandText.StartsWith(Prefix, StringComparison.Ordinal) || eventData.Context?.Database.ProviderName != SqliteProvider) return;
        command.CommandText = Hinted(command.CommandText);
    }

    /// <summary>The statement with <c>INDEXED BY</c> after its table's first FROM (the one the tag names); unchanged if there is none.</summary>
    public static string Hinted(string sql)
    {
        var tag = TagLine().Match(sql);
        if (!tag.Success) return sql;
        var (table, index) = (tag.Groups["table"].Value, tag.Groups["index"].Value);
        var from = new Regex($"FROM \"{Regex.Escape(table)}\" AS \"\\w+\"");
        return from.Replace(sql, m => $"{m.Value} INDEXED BY \"{index}\"", 1);
    }

    [GeneratedRegex("^-- statistics: indexed by (?<table>\\w+) (?<index>\\S+)\\r?\\n")]
    private static partial Regex TagLine();
}
