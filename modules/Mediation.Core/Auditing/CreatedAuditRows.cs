using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mediation.Core.Auditing;

/// <summary>
/// The "Created" audit rows SaveChanges would write (<see cref="AuditSaveChangesInterceptor"/>) for entities of one type inserted
/// without the change tracker, many in a row: a deadline storm's 19,403 notices (issue 17, P2). The details are the same JSON, byte
/// for byte — every column, secrets redacted, long texts and <see cref="AuditedByDigestAttribute"/> columns by their SHA-256 — but
/// written straight into one reused buffer from getters and encoded names looked up once per type, instead of a dictionary of boxed
/// values serialized by reflection per row. Not thread-safe: one writer serves one sequence of rows.
/// </summary>
internal sealed class CreatedAuditRows : IDisposable
{
    private readonly AuditContext _audit;
    private readonly string _entityType;
    private readonly Column[] _columns;
    private readonly IProperty[] _key;
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _json;

    // Several notices of one escalation share one body (the same string): its SHA-256 is computed once for all of them.
    private string? _digestedText;
    private string? _digest;

    public CreatedAuditRows(AuditContext audit, IEntityType type)
    {
        _audit = audit;
        _entityType = type.ClrType.Name;
        _columns = type.GetProperties().Select(property => property.IsShadowProperty()
                ? throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is a shadow property; audit it through SaveChanges.")
                : new Column(property)).ToArray();
        _key = type.FindPrimaryKey()?.Properties.ToArray() ?? [];
        // The serializer's defaults, as SaveChanges' audit uses them: compact, every non-ASCII character escaped.
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JsonSerializerOptions.Default.Encoder, SkipValidation = true });
    }

    /// <summary>The audit row of <paramref name="entity"/>'s creation, as SaveChanges writes it outside a request (the system).</summary>
    public AuditEntry Entry(object entity)
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        foreach (var column in _columns)
        {
            _json.WritePropertyName(column.Name);
            var value = column.Property.GetGetter().GetClrValue(entity);
            if (column.Secret) WriteRedacted(value);
            else if (value is null) _json.WriteNullValue();
            else if (value is string text) WriteText(text, column.ByDigest || text.Length > AuditSaveChangesInterceptor.MaxTextLength);
            else WriteValue(value);
        }
        _json.WriteEndObject();
        _json.Flush();
        var details = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        return _audit.Entry(AuditCategory.Data, AuditActions.Created, _entityType, KeyOf(entity), details);
    }

    private string? KeyOf(object entity) => _key.Length switch
    {
        0 => null,
        1 => _key[0].GetGetter().GetClrValue(entity)?.ToString() ?? "",
        _ => string.Join(",", _key.Select(p => p.GetGetter().GetClrValue(entity))),
    };

    private void WriteRedacted(object? value)
    {
        if (value is null) _json.WriteNullValue();
        else _json.WriteStringValue("***");
    }

    private void WriteText(string text, bool byDigest)
    {
        if (!byDigest)
        {
            _json.WriteStringValue(text);
            return;
        }
        if (!ReferenceEquals(text, _digestedText))
        {
            _digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            _digestedText = text;
        }
        _json.WriteStartObject();
        _json.WriteNumber("length", text.Length);
        _json.WriteString("sha256", _digest);
        _json.WriteEndObject();
    }

    /// <summary>The value as the serializer writes an object-typed dictionary value: by its runtime type's converter.</summary>
    private void WriteValue(object value)
    {
        switch (value)
        {
            case Guid guid: _json.WriteStringValue(guid); break;
            case DateTimeOffset instant: _json.WriteStringValue(instant); break;
            case int number: _json.WriteNumberValue(number); break;
            case long number: _json.WriteNumberValue(number); break;
            case bool flag: _json.WriteBooleanValue(flag); break;
            // An enum with the serializer's default options is its number.
            case Enum when Type.GetTypeCode(value.GetType()) is TypeCode.Int32: _json.WriteNumberValue((int)value); break;
            case byte[] bytes:
                _json.WriteStartObject();
                _json.WriteNumber("size", bytes.LongLength);
                _json.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)));
                _json.WriteEndObject();
                break;
            default: JsonSerializer.Serialize(_json, value, value.GetType()); break;
        }
    }

    public void Dispose() => _json.Dispose();

    private sealed class Column(IProperty property)
    {
        public IProperty Property { get; } = property;

        /// <summary>The property's name as the serializer writes a dictionary key (escaped by the same encoder), encoded once.</summary>
        public JsonEncodedText Name { get; } = JsonEncodedText.Encode(property.Name, JsonSerializerOptions.Default.Encoder);

        public bool Secret { get; } = AuditSaveChangesInterceptor.IsSecret(property.Name);

        public bool ByDigest { get; } = property.PropertyInfo?.IsDefined(typeof(AuditedByDigestAttribute), inherit: true) == true;
    }
}
