using System.CommandLine;

namespace Kansa.Cli;

/// <summary>The <c>kansa</c> command line: one program for the web app and every command.</summary>
public static class KansaCli
{
    /// <summary>Exit code for bad input (problems in files, unknown audit).</summary>
    public const int Problems = 1;

    /// <summary>Exit code for a command used wrongly.</summary>
    public const int Usage = 2;

    /// <summary>Exit code for an unexpected failure, a bug or an outage (<see cref="InternalError"/>).</summary>
    public const int Internal = InternalError.ExitCode;

    /// <summary>Parses and runs a command line.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct)
    {
        var db = new Option<string?>("--db")
        {
            Description = "データベース: SQLite ファイルのパス、または PostgreSQL の接続文字列・postgres:// URL (既定: 環境変数 KANSA_DB、なければ ./data/kansa.db)",
            Recursive = true,
        };
        var root = new RootCommand("Kansa: 監査結果に対する措置・対応状況の管理と公表")
        {
            db,
            ImportCommand.Create(db, console),
            CheckCommand.Create(db, console),
            ExportCommand.Create(db, console),
            ServeCommand.Create(db, console),
            DemoCommand.Create(db, console),
            DbCommand.Create(db, console),
            UserCommand.Create(db, console),
            TokenCommand.Create(db, console),
            ChangeLogCommand.Create(db, console),
            DepartmentCommand.Create(db, console),
            RemindersCommand.Create(db, console),
            BackupCommand.Create(db, console),
            RestoreCommand.Create(db, console),
            DiffCommand.Create(db, console),
            SheetCommand.Create(db, console),
            RoundCommand.Create(db, console),
            PublishStaticCommand.Create(db, console),
            DevCommand.Create(console),
        };
        var parse = root.Parse(args);
        return await InternalError.InvokeAsync(parse, console, ct);
    }
}
