using System.CommandLine;
using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa department list|rename|merge</c>: reorganizations (組織改編) from the command line.</summary>
internal static class DepartmentCommand
{
    // Whoever runs the command line on the database holds the database itself: it acts with the administrator's rights
    // (the change log names the operating-system user, as for every command).
    private static readonly StaffUser Operator = new("", "cli", new HashSet<string>(StringComparer.Ordinal) { Roles.Admin }, new HashSet<int>());

    public static Command Create(Option<string?> db, CliConsole console)
    {
        var list = new Command("list", "所管課の一覧 (ID、名称、名称の履歴、統合)");
        list.SetAction((parse, ct) => RunAsync(db, parse, console, async services =>
        {
            foreach (var d in await services.GetRequiredService<ListDepartments>().RunAsync(ct))
            {
                var names = string.Join(" → ", d.Names.Select(n => n.From is { } from ? $"{from} {n.Name}" : n.Name));
                var merged = d.MergedIntoName is null ? "" : $"{d.MergedFrom} から「{d.MergedIntoName}」に統合";
                console.Out.WriteLine($"{d.Id}\t{d.Name}\t{names}\t{merged}");
            }

            return 0;
        }, ct));

        var id = new Argument<int>("ID") { Description = "所管課の ID (department list で確認)" };
        var name = new Argument<string>("NAME") { Description = "新しい名称" };
        var from = new Option<string>("--from") { Description = "変更・統合する月 (YYYY-MM)。それより前の公表資料には以前の名称・所管課が表示されます", Required = true };
        var rename = new Command("rename", "所管課の名称を、ある月から変更する") { id, name, from };
        rename.SetAction((parse, ct) => RunAsync(db, parse, console, async services =>
        {
            if (!TryMonth(parse.GetValue(from), console, out var month))
            {
                return KansaCli.Usage;
            }

            var outcome = await services.GetRequiredService<RenameDepartment>().RunAsync(Operator, parse.GetValue(id), parse.GetValue(name), month, null, ct);
            return Report(outcome, console, d => $"所管課 {d.Id} の名称を {month.ToWareki()}から「{d.Name}」に変更しました。");
        }, ct));

        var mergedId = new Argument<int>("ID") { Description = "統合される所管課の ID" };
        var into = new Option<int>("--into") { Description = "統合先の所管課の ID", Required = true };
        var mergeFrom = new Option<string>("--from") { Description = "統合する月 (YYYY-MM)", Required = true };
        var merge = new Command("merge", "所管課を、ある月からほかの所管課に統合する (指摘・意見は統合先が引き継ぐ)") { mergedId, into, mergeFrom };
        merge.SetAction((parse, ct) => RunAsync(db, parse, console, async services =>
        {
            if (!TryMonth(parse.GetValue(mergeFrom), console, out var month))
            {
                return KansaCli.Usage;
            }

            var outcome = await services.GetRequiredService<MergeDepartment>().RunAsync(Operator, parse.GetValue(mergedId), parse.GetValue(into), month, null, ct);
            return Report(outcome, console, d => $"所管課「{d.Name}」を {month.ToWareki()}から所管課 {d.MergedIntoId} に統合しました。");
        }, ct));

        return new Command("department", "所管課と組織改編 (名称変更・統合)") { list, rename, merge };
    }

    private static async Task<int> RunAsync(Option<string?> db, ParseResult parse, CliConsole console, Func<IServiceProvider, Task<int>> action, CancellationToken ct)
    {
        var target = DatabaseTarget.Resolve(parse.GetValue(db));
        await using (var check = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct))
        {
            if (check is null)
            {
                return KansaCli.Problems;
            }
        }

        await using var services = CliServices.Build(target);
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static bool TryMonth(string? text, CliConsole console, out YearMonth month)
    {
        if (YearMonth.TryParseIso(text, out month, out var reason))
        {
            return true;
        }

        console.Error.WriteLine($"--from: 「{text}」を使えません。{reason} (例 2025-04)。");
        return false;
    }

    private static int Report(Outcome<Department> outcome, CliConsole console, Func<Department, string> success)
    {
        if (outcome.Succeeded)
        {
            console.Out.WriteLine(success(outcome.Value));
            return 0;
        }

        foreach (var problem in outcome.Problems)
        {
            console.Error.WriteLine(problem.Message);
        }

        return KansaCli.Problems;
    }
}
