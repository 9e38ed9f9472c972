using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kansa.ChangeLog;

/// <summary>
/// Writes a row's fields as the log's JSON object straight to UTF-8, the bytes <c>JsonSerializer</c> writes for the same
/// dictionary (same encoder, same value forms) without building one per row: a bulk import writes tens of thousands.
/// One instance per bulk write; not thread-safe.
/// </summary>
internal sealed class RowJson : IDisposable
{
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter writer;

    public RowJson() => writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ChangeLogInterceptor.Json.Encoder });

    /// <inheritdoc />
    public void Dispose() => writer.Dispose();

    /// <summary>The object of the row's properties, by name, as the interceptor logs them (<see cref="ChangeLogInterceptor.Plain"/>).</summary>
    public string Write(IReadOnlyList<(string Name, IClrPropertyGetter Getter)> properties, object row)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var (name, getter) in properties)
        {
            writer.WritePropertyName(name);
            switch (ChangeLogInterceptor.Plain(getter.GetClrValueUsingContainingEntity(row)))
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case int n:
                    writer.WriteNumberValue(n);
                    break;
                case long n:
                    writer.WriteNumberValue(n);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case Guid g:
                    writer.WriteStringValue(g);
                    break;
                case var other:
                    JsonSerializer.Serialize(writer, other, other.GetType(), ChangeLogInterceptor.Json);
                    break;
            }
        }

        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
