using System.CommandLine;
using Kansa.AuditTrail;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary><c>kansa audit-log verify</c>: checks that no line of the audit log was changed or removed.</summary>
internal static class AuditLogCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var verify = new Command("verify", "監査ログのハッシュの連鎖を検証する (改ざんがあれば終了コード 1)");
        verify.SetAction(async (parse, ct) =>
        {
            await using var context = await Databases.OpenAsync(DatabaseTarget.Resolve(parse.GetValue(db)), console, migrateEmbedded: false, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            var entries = await context.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
            if (AuditChain.Verify(entries) is { } broken)
            {
                console.Error.WriteLine($"監査ログの検証に失敗しました: {broken}");
                return KansaCli.Problems;
            }

            console.Out.WriteLine($"監査ログは連続しており、改ざんはありません ({entries.Count} 件)。");
            return 0;
        });
        return new Command("audit-log", "監査ログ") { verify };
    }
}
