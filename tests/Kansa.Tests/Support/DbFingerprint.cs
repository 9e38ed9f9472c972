using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kansa.Reports;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Support;

/// <summary>
/// Everything a refused request must leave as it was: the open-data JSON export (kansa/1, as <c>kansa export</c>
/// writes it) plus every table the export does not show (rounds, requests, drafts and their steps, department
/// history, evidence, the change log's length).
/// </summary>
public static class DbFingerprint
{
    private static readonly JsonSerializerOptions Options = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        WriteIndented = false,
    };

    /// <summary>The fingerprint as text: equal text, equal state.</summary>
    public static async Task<string> TakeAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var snapshot = await new LoadReportSnapshot(context, TimeProvider.System).RunAsync(null, null, CancellationToken.None);
        using var export = new MemoryStream();
        await ReportWriters.Find("json")!.WriteAsync(snapshot!, export, CancellationToken.None);
        var sb = new StringBuilder(Encoding.UTF8.GetString(export.ToArray()));
        await AppendAsync(sb, context.Audits);
        await AppendAsync(sb, context.Findings);
        await AppendAsync(sb, context.Departments);
        await AppendAsync(sb, context.DepartmentNames);
        await AppendAsync(sb, context.Rounds);
        await AppendAsync(sb, context.ResponseRequests.Include(r => r.DueDateChanges));
        await AppendAsync(sb, context.Responses);
        await AppendAsync(sb, context.ResponseSteps);
        await AppendAsync(sb, context.EvidenceFiles.Select(e => new { e.Id, e.FileName, e.Sha256 }));
        sb.Append("\naudit entries: ").Append(await context.ChangeEntries.CountAsync());
        return sb.ToString();
    }

    private static async Task AppendAsync<T>(StringBuilder sb, IQueryable<T> rows)
        where T : class
    {
        // Rows sorted by their text: PostgreSQL returns them in no fixed order.
        var list = (await rows.AsNoTracking().ToListAsync()).Select(r => JsonSerializer.Serialize(r, Options)).Order(StringComparer.Ordinal);
        sb.Append('\n').Append(typeof(T).Name).Append(": ").AppendJoin('\n', list);
    }
}
