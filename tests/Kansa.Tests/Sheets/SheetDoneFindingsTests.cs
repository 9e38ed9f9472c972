using Kansa.OpenData;
using Kansa.Responses;
using Kansa.Sheets;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Sheets.SheetSetup;

namespace Kansa.Tests.Sheets;

/// <summary>
/// The seed as a newcomer has it: all six DX推進課 findings it lists are published as done, so of DX推進課's findings
/// only R5-指-1 (open, completed by the coordinator in <see cref="WorkflowSetup"/>) needs a response. The default sheet
/// holds that one and names what it left out; <c>--all</c> takes the done ones too, and a changed published measure
/// comes back as a draft for that finding only.
/// </summary>
public class SheetDoneFindingsTests
{
    private static readonly string[] DxFindings = ["R5-指-1", "R5-指-3", "R5-指-4", "R5-意-5", "R5-意-7", "R5-意-9", "R5-意-19"];

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Done_findings_go_out_only_when_asked_and_a_changed_one_comes_back_as_one_draft(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        using var dir = new TempDir();

        var plain = await CliRun.RunAsync(["sheet", "export", "--db", setup.Db.DbArgument, "--audit", Audit, "--department", Dx, "-o", dir.File("dx.xlsx")]);
        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Contains("措置済・対応済の 6 件は含めていません。", plain.Error, StringComparison.Ordinal);
        Assert.Contains("--all", plain.Error, StringComparison.Ordinal);
        var open = SheetWorkbookReader.Read(await File.ReadAllBytesAsync(dir.File("dx.xlsx")), "dx.xlsx").Value!.Single(s => s.Name == Dx);
        Assert.Equal(["R5-指-1"], open.Rows(SheetLayout.FirstRow).Select(r => open.Text("A" + r)));

        var path = dir.File("dx-all.xlsx");
        var all = await CliRun.RunAsync(["sheet", "export", "--db", setup.Db.DbArgument, "--audit", Audit, "--department", Dx, "--all", "-o", path]);
        Assert.True(all.ExitCode == 0, all.Error);
        var exported = await File.ReadAllBytesAsync(path);
        var dx = SheetWorkbookReader.Read(exported, "dx-all.xlsx").Value!.Single(s => s.Name == Dx);
        Assert.Equal(DxFindings, dx.Rows(SheetLayout.FirstRow).Select(r => dx.Text("A" + r)));

        // Each input starts from what the city published, so an untouched row is no change.
        var row = SheetFile.RowOf(exported, Dx, "R5-意-9");
        Assert.Equal("対応済", dx.Text("H" + row));
        Assert.False(string.IsNullOrWhiteSpace(dx.Text("I" + row)));
        const string Update = "令和8年度から、システムの更新計画を10年の見通しで毎年見直すことにした。";
        await File.WriteAllBytesAsync(path, SheetFile.Edit(exported, d => SheetFile.Type(d, Dx, "I" + row, Update)));

        var before = await AllButResponsesAsync(setup.Db);
        var run = await ImportAsync(setup.Db, path, "dx-editor");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("変更 1 件、変更なし 6 件", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await AllButResponsesAsync(setup.Db));
        await using var context = setup.Db.CreateContext();
        var response = await context.Responses.SingleAsync();
        Assert.Equal(await FindingIdAsync(setup.Db, "R5-意-9"), response.FindingId);
        Assert.Equal((ResponseStage.Draft, "対応済", Update, "user:dx-editor"), (response.Stage, response.Word, response.Content, response.CreatedBy));
    }
}
