using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;

namespace Mediation.Core.Data;

/// <summary>
/// The column list and the parameterized VALUES rows of a multi-row INSERT for one entity type, for work that writes thousands of
/// rows the change tracker never needs to see (a deadline storm's steps, notices and their audit rows). Parameters go through the
/// model's type mappings, so SQLite's binary date-times and enum-as-text conversions apply exactly as for EF's own inserts.
/// Identity columns (an integer key the database numbers) are left to the database.
/// </summary>
internal sealed class RowValues
{
    // SQL Server takes at most 2,100 parameters per command; SQLite 32,766 and PostgreSQL 65,535.
    private const int SqlServerParameters = 2_000;
    private const int OtherParameters = 30_000;
    private const int MaxRowsPerCommand = 500;

    private readonly List<IProperty> _properties;
    private readonly RelationalTypeMapping[] _mappings;

    private RowValues(MediationDbContext db, IEntityType entity, bool shadowAllowed, int? parameterBudget = null)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _properties = entity.GetProperties().Where(p => !IsIdentity(p)).ToList();
        _mappings = _properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        if (!shadowAllowed && _properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{entity.DisplayName()}.{shadow.Name} is a shadow property; its value has no getter to insert from.");
        TableName = sql.DelimitIdentifier(table.Name, table.Schema);
        ColumnList = string.Join(", ", _properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var sqlServer = db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true;
        RowsPerCommand = Math.Max(1, Math.Min(MaxRowsPerCommand, (parameterBudget ?? (sqlServer ? SqlServerParameters : OtherParameters)) / _properties.Count));
    }

    /// <summary>Kept per model and type (the audit writes its rows with it after every save in a transaction, issue 17); a test process
    /// runs a model per provider side by side.</summary>
    public static RowValues For<T>(MediationDbContext db) => ByModel.GetOrAdd((db.Model, typeof(T)), static (key, db) =>
        new(db, key.Model.FindEntityType(key.Type) ?? throw new InvalidOperationException($"{key.Type.Name} is not in the model."), shadowAllowed: false), db);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel Model, Type Type), RowValues> ByModel = new();

    /// <summary>
    /// For an entity type whose shadow properties the caller supplies (an owned row's key of its owner), with at most
    /// <paramref name="parameterBudget"/> parameters a command.
    /// </summary>
    public static RowValues For(MediationDbContext db, IEntityType entity, int parameterBudget) => new(db, entity, shadowAllowed: true, parameterBudget);

    public string TableName { get; }

    public string ColumnList { get; }

    public int RowsPerCommand { get; }

    public IReadOnlyList<IProperty> Properties => _properties;

    /// <summary>"(@p0_0, @p0_1), (@p1_0, @p1_1)" for the rows, adding their parameters to <paramref name="parameters"/>.</summary>
    public string Rows<T>(DbCommand command, IReadOnlyList<T> rows, ICollection<DbParameter> parameters) where T : class =>
        Rows(command, rows, parameters, static (row, property) => property.GetGetter().GetClrValue(row));

    /// <summary>The same, each value given by <paramref name="value"/> (row, property).</summary>
    public string Rows<T>(DbCommand command, IReadOnlyList<T> rows, ICollection<DbParameter> parameters, Func<T, IProperty, object?> value)
    {
        var lines = new List<string>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var names = new string[_properties.Count];
            for (var i = 0; i < _properties.Count; i++)
            {
                var property = _properties[i];
                names[i] = $"@p{r}_{i}";
                parameters.Add(property.GetRelationalTypeMapping()
                    .CreateParameter(command, names[i], value(rows[r], property), property.IsNullable));
            }
            lines.Add("(" + string.Join(", ", names) + ")");
        }
        return string.Join(", ", lines);
    }

    /// <summary>
    /// Sets the parameters of a one-row command (made by <see cref="Rows{T}(DbCommand, IReadOnlyList{T}, ICollection{DbParameter})"/>)
    /// to another row's values, converted through the same value converters.
    /// </summary>
    public void Rebind<T>(IReadOnlyList<DbParameter> parameters, T row) where T : class
    {
        for (var i = 0; i < _properties.Count; i++)
        {
            var property = _properties[i];
            var value = property.GetGetter().GetClrValue(row);
            if (value is not null && property.GetRelationalTypeMapping().Converter is { } converter) value = converter.ConvertToProvider(value);
            parameters[i].Value = value ?? DBNull.Value;
        }
    }

    /// <summary>
    /// One parameter a column, named @c0, @c1 …, configured by the column's type mapping (its database type) and without a value: the
    /// template a prepared single-row INSERT binds every row to, and from which a provider's COPY learns each column's type.
    /// </summary>
    public IReadOnlyList<DbParameter> Templates(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        return Templates(command);
    }

    /// <inheritdoc cref="Templates(DbConnection)"/>
    public IReadOnlyList<DbParameter> Templates(DbCommand command) =>
        _properties.Select((property, i) => property.GetRelationalTypeMapping().CreateParameter(command, $"@c{i}", null, property.IsNullable)).ToList();

    /// <summary>
    /// A row's values as the database takes them, as <see cref="RelationalTypeMapping.CreateParameter"/> converts them: an enum without
    /// a converter as its number, the column's value converter applied, null as <see cref="DBNull"/>.
    /// </summary>
    public object[] ProviderValues<T>(T row, Func<T, IProperty, object?> value)
    {
        var values = new object[_properties.Count];
        for (var i = 0; i < _properties.Count; i++)
        {
            var mapping = _mappings[i];
            var clr = value(row, _properties[i]);
            if (mapping.Converter is { } converter) clr = converter.ConvertToProvider(clr);
            else if (clr is Enum enumValue) clr = Convert.ChangeType(enumValue, Enum.GetUnderlyingType(enumValue.GetType()), System.Globalization.CultureInfo.InvariantCulture);
            values[i] = clr ?? DBNull.Value;
        }
        return values;
    }

    /// <summary>The rows' values as the database takes them (<see cref="ProviderValues{T}"/>, each property read by its getter), lazily.</summary>
    public IEnumerable<object[]> ProviderRows<T>(IEnumerable<T> rows) where T : class =>
        rows.Select(row => ProviderValues(row, static (r, property) => property.GetGetter().GetClrValue(r)));

    /// <summary>
    /// SQLite's own bulk form: one single-row INSERT, prepared once and run for every row with new values. SQLite compiles the statement
    /// once and binds a handful of parameters a row, where a multi-row INSERT is compiled anew for every command and binds by a linear
    /// search of its many parameter names (15,000 parameters bound slower than EF's row-by-row inserts).
    /// </summary>
    public async Task InsertPreparedAsync(DbTransaction transaction, IEnumerable<object[]> providerRows, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var parameters = Templates(command);
        command.CommandText = $"INSERT INTO {TableName} ({ColumnList}) VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})";
        command.Parameters.AddRange(parameters.ToArray());
        var prepared = false;
        foreach (var row in providerRows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i];
            // Prepared with the first row's values bound: a provider may read a parameter's value while preparing.
            if (!prepared) { await command.PrepareAsync(ct); prepared = true; }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>An integer key the database numbers on insert (the audit rows' Id); EF would leave it out of its INSERT too.</summary>
    private static bool IsIdentity(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && (property.ClrType == typeof(long) || property.ClrType == typeof(int));
}
