using System.Text.Json;
using Kansa.ChangeLog;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.ChangeLog;

/// <summary>The bulk import's log lines carry the JSON the interceptor's serializer writes, byte for byte: the chain hashes it.</summary>
public class RowJsonTests
{
    [Fact]
    public void A_row_is_written_as_the_serializer_writes_its_dictionary()
    {
        using var db = new KansaDbContext(new DbContextOptionsBuilder<KansaDbContext>().UseSqlite("Data Source=:memory:").Options);
        object[] rows =
        [
            new Finding { Id = 7, AuditId = 3, Number = "R5-指-2", Category = FindingCategory.Finding, Sequence = 2, Title = "「債権」<b>&\"\\\u0001\n\u3000😀", Version = Guid.NewGuid(), ContentAsOf = new YearMonth(2025, 8) },
            new StatusRecord { Id = 9, FindingId = 7, Word = "措置済", State = StatusState.Done, AsOf = new YearMonth(2025, 8), Published = new YearMonth(2025, 7), RecordedAt = DateTimeOffset.Parse("2026-12-02T03:04:05.1234567+00:00", System.Globalization.CultureInfo.InvariantCulture), Source = "a'b.txt" },
        ];
        using var json = new RowJson();
        foreach (var row in rows)
        {
            var props = db.Model.FindEntityType(row.GetType())!.GetProperties().Where(p => !ChangeLogInterceptor.Secret.Contains(p.Name))
                .Select(p => (p.Name, Getter: p.GetGetter())).ToList();
            var expected = JsonSerializer.Serialize(props.ToDictionary(p => p.Name, p => ChangeLogInterceptor.Plain(p.Getter.GetClrValueUsingContainingEntity(row))), ChangeLogInterceptor.Json);
            Assert.Equal(expected, json.Write(props, row));
        }
    }
}
