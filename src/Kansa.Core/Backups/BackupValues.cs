using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Kansa.Backups;

/// <summary>
/// How one value travels in the engine-neutral format: read from either engine as its provider CLR type, written as
/// JSON that keeps it exactly (instants with their offset, bytes in base64, decimals as JSON numbers), read back.
/// </summary>
internal static class BackupValues
{
    /// <summary>Reads column <paramref name="ordinal"/> and writes it as JSON.</summary>
    public static void Write(Utf8JsonWriter json, DbDataReader reader, int ordinal, Type type)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNullValue();
            return;
        }

        switch (type)
        {
            case var t when t == typeof(string): json.WriteStringValue(reader.GetString(ordinal)); break;
            case var t when t == typeof(int): json.WriteNumberValue(reader.GetInt32(ordinal)); break;
            case var t when t == typeof(long): json.WriteNumberValue(reader.GetInt64(ordinal)); break;
            case var t when t == typeof(short): json.WriteNumberValue(reader.GetInt16(ordinal)); break;
            case var t when t == typeof(bool): json.WriteBooleanValue(reader.GetBoolean(ordinal)); break;
            case var t when t == typeof(double): json.WriteNumberValue(reader.GetDouble(ordinal)); break;
            case var t when t == typeof(decimal): json.WriteNumberValue(reader.GetDecimal(ordinal)); break;
            case var t when t == typeof(DateTimeOffset):
                json.WriteStringValue(reader.GetFieldValue<DateTimeOffset>(ordinal).ToString("O", CultureInfo.InvariantCulture));
                break;
            case var t when t == typeof(DateTime):
                json.WriteStringValue(reader.GetDateTime(ordinal).ToString("O", CultureInfo.InvariantCulture));
                break;
            case var t when t == typeof(DateOnly):
                json.WriteStringValue(reader.GetFieldValue<DateOnly>(ordinal).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case var t when t == typeof(TimeOnly):
                json.WriteStringValue(reader.GetFieldValue<TimeOnly>(ordinal).ToString("O", CultureInfo.InvariantCulture));
                break;
            case var t when t == typeof(Guid): json.WriteStringValue(reader.GetGuid(ordinal).ToString("D")); break;
            case var t when t == typeof(byte[]): json.WriteBase64StringValue(reader.GetFieldValue<byte[]>(ordinal)); break;
            default: throw new NotSupportedException($"the backup format has no encoding for {type}");
        }
    }

    /// <summary>Reads a JSON value back as the column's type; <paramref name="utcInstants"/> for engines that store only UTC.</summary>
    public static object Read(JsonElement value, Type type, bool utcInstants)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return DBNull.Value;
        }

        return type switch
        {
            _ when type == typeof(string) => value.GetString()!,
            _ when type == typeof(int) => value.GetInt32(),
            _ when type == typeof(long) => value.GetInt64(),
            _ when type == typeof(short) => value.GetInt16(),
            _ when type == typeof(bool) => value.GetBoolean(),
            _ when type == typeof(double) => value.GetDouble(),
            _ when type == typeof(decimal) => value.GetDecimal(),
            _ when type == typeof(DateTimeOffset) => Instant(value.GetString()!, utcInstants),
            _ when type == typeof(DateTime) => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ when type == typeof(DateOnly) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when type == typeof(TimeOnly) => TimeOnly.ParseExact(value.GetString()!, "O", CultureInfo.InvariantCulture),
            _ when type == typeof(Guid) => Guid.ParseExact(value.GetString()!, "D"),
            _ when type == typeof(byte[]) => value.GetBytesFromBase64(),
            _ => throw new NotSupportedException($"the backup format has no encoding for {type}"),
        };
    }

    private static DateTimeOffset Instant(string text, bool utc)
    {
        var instant = DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
        return utc ? instant.ToUniversalTime() : instant;
    }
}
