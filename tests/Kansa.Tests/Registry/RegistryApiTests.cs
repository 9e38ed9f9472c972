using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Accounts;
using Kansa.Findings;
using Kansa.Import;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Registry;

/// <summary>Registry editing by the coordinator over the API: findings, audits, departments renamed and merged.</summary>
public class RegistryApiTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_coordinator_completes_R5_指_1_and_only_the_coordinator_may(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await SeededAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "road-editor", Roles.Editor, "路政課");
        await StaffAccounts.CreateUserAsync(db, "kimura", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target);
        using var coordinator = await StaffAccounts.TokenClientAsync(db, host, "sato");
        using var dxEditor = await StaffAccounts.TokenClientAsync(db, host, "dx-editor");
        using var roadEditor = await StaffAccounts.TokenClientAsync(db, host, "road-editor");
        using var viewer = await StaffAccounts.TokenClientAsync(db, host, "kimura");

        var before = await GetJsonAsync(coordinator, "/api/v1/findings/R5-指-1");
        Assert.Null(before["title"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await dxEditor.GetAsync("/api/v1/findings/R5-指-1")).StatusCode);

        var body = new { title = "情報システムの調達手続について", excerpt = "調達の手続を見直すべきである。\n\n・仕様書\n・契約書", reportPages = "Ｐ１２～１３", departments = Each("DX推進課"), version = before["version"]!.GetValue<Guid>() };
        var refusedEditor = await dxEditor.PutAsJsonAsync("/api/v1/findings/R5-指-1", body);
        var refusedViewer = await viewer.PutAsJsonAsync("/api/v1/findings/R5-指-1", body);
        var saved = await coordinator.PutAsJsonAsync("/api/v1/findings/R5-指-1", body);

        Assert.Equal(HttpStatusCode.Forbidden, refusedEditor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await GetJsonAsync(dxEditor, "/api/v1/findings/R5-指-1");
        Assert.Equal("情報システムの調達手続について", after["title"]!.GetValue<string>());
        Assert.Equal("P12~13", after["reportPages"]!.GetValue<string>());
        Assert.Equal(["DX推進課"], after["departments"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("未措置", after["status"]!.GetValue<string>());
        Assert.NotEqual(before["version"]!.GetValue<Guid>(), after["version"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.NotFound, (await roadEditor.GetAsync("/api/v1/findings/R5-指-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/v1/findings/R5-指-1")).StatusCode);

        // The history of a finding the seed published, as the auditor or anyone with a staff role reads it.
        var published = await GetJsonAsync(viewer, "/api/v1/findings/R5-指-3");
        Assert.Equal("措置済", published["status"]!.GetValue<string>());
        Assert.Equal("2025-08", published["history"]![0]!["asOf"]!.GetValue<string>());
        Assert.False(published["history"]![0]!["correction"]!.GetValue<bool>());

        // The public export now carries what the coordinator entered; a re-import of the seed does not undo it.
        await ImportSeedAsync(db);
        var export = await host.Client.GetFromJsonAsync<JsonObject>("/open-data/kansa.json");
        var finding = Finding(export!, "R5-指-1");
        Assert.Equal("情報システムの調達手続について", finding["title"]!.GetValue<string>());
        Assert.Equal(["DX推進課"], finding["departments"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Of_two_simultaneous_edits_the_second_gets_a_conflict_and_the_first_is_kept(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await SeededAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "suzuki", Roles.Admin);
        await using var host = await WebHost.StartAsync(db.Target);
        using var first = await StaffAccounts.TokenClientAsync(db, host, "sato");
        using var second = await StaffAccounts.TokenClientAsync(db, host, "suzuki");
        var readByFirst = (await GetJsonAsync(first, "/api/v1/findings/R5-指-2"))["version"]!.GetValue<Guid>();
        var readBySecond = (await GetJsonAsync(second, "/api/v1/findings/R5-指-2"))["version"]!.GetValue<Guid>();

        var saved = await first.PutAsJsonAsync("/api/v1/findings/R5-指-2", new { title = "佐藤の件名", departments = Each("DX推進課"), version = readByFirst });
        var refused = await second.PutAsJsonAsync("/api/v1/findings/R5-指-2", new { title = "鈴木の件名", departments = Each("財政課"), version = readBySecond });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("ほかの人が先に変更しました", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var kept = await GetJsonAsync(second, "/api/v1/findings/R5-指-2");
        Assert.Equal("佐藤の件名", kept["title"]!.GetValue<string>());
        Assert.Equal(["DX推進課"], kept["departments"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rename_from_2025_04_shows_the_old_name_before_and_a_reimport_finds_the_department(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await SeededAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "kimura", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target);
        using var coordinator = await StaffAccounts.TokenClientAsync(db, host, "sato");
        using var viewer = await StaffAccounts.TokenClientAsync(db, host, "kimura");
        var dx = await DepartmentIdAsync(coordinator, "DX推進課");
        var departmentsBefore = (await coordinator.GetFromJsonAsync<JsonArray>("/api/v1/departments"))!.Count;

        var refused = await viewer.PostAsJsonAsync($"/api/v1/departments/{dx}/rename", new { name = "デジタル推進課", from = "2025-04" });
        var badMonth = await coordinator.PostAsJsonAsync($"/api/v1/departments/{dx}/rename", new { name = "デジタル推進課", from = "令和7年4月" });
        var renamed = await coordinator.PostAsJsonAsync($"/api/v1/departments/{dx}/rename", new { name = "デジタル推進課", from = "2025-04" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var department = (await renamed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("デジタル推進課", department["name"]!.GetValue<string>());
        Assert.Equal([("DX推進課", (string?)null), ("デジタル推進課", "2025-04")],
            department["names"]!.AsArray().Select(n => (n!["name"]!.GetValue<string>(), n["from"]?.GetValue<string>())));

        Assert.Equal(["DX推進課"], Departments(await ExportAsync(host, "2025-03"), "R5-指-3"));
        Assert.Equal(["デジタル推進課"], Departments(await ExportAsync(host, "2025-04"), "R5-指-3"));
        Assert.Equal(["デジタル推進課"], Departments(await ExportAsync(host, null), "R5-指-3"));

        var reimport = await ImportSeedAsync(db);
        Assert.Equal(0, reimport.Counts.FindingsUpdated);
        Assert.Equal(departmentsBefore, (await coordinator.GetFromJsonAsync<JsonArray>("/api/v1/departments"))!.Count);
        Assert.Equal(["デジタル推進課"], Departments(await ExportAsync(host, null), "R5-指-3"));
        await using var context = db.CreateContext();
        Assert.False(await context.Departments.AnyAsync(d => d.Name == "DX推進課"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_merged_departments_findings_follow_it_to_the_surviving_department(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await SeededAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await using var host = await WebHost.StartAsync(db.Target);
        using var coordinator = await StaffAccounts.TokenClientAsync(db, host, "sato");
        using var dxEditor = await StaffAccounts.TokenClientAsync(db, host, "dx-editor");
        var road = await DepartmentIdAsync(coordinator, "路政課");
        var dx = await DepartmentIdAsync(coordinator, "DX推進課");
        var roadFinding = Findings(await ExportAsync(host, null)).Single(f => Names(f).Contains("路政課"))["number"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await dxEditor.GetAsync($"/api/v1/findings/{roadFinding}")).StatusCode);

        var intoItself = await coordinator.PostAsJsonAsync($"/api/v1/departments/{road}/merge", new { into = road, from = "2025-04" });
        var merged = await coordinator.PostAsJsonAsync($"/api/v1/departments/{road}/merge", new { into = dx, from = "2025-04" });

        Assert.Equal(HttpStatusCode.BadRequest, intoItself.StatusCode);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dxEditor.GetAsync($"/api/v1/findings/{roadFinding}")).StatusCode);
        Assert.Equal(["路政課"], Departments(await ExportAsync(host, "2025-03"), roadFinding));
        Assert.Equal(["DX推進課"], Departments(await ExportAsync(host, null), roadFinding));

        // A merged department is no longer offered for new registry entries.
        var version = (await GetJsonAsync(coordinator, $"/api/v1/findings/{roadFinding}"))["version"]!.GetValue<Guid>();
        var stale = await coordinator.PutAsJsonAsync($"/api/v1/findings/{roadFinding}", new { title = "件名", departments = Each("路政課"), version });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("統合されています", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Completing the finding with the surviving department keeps its link: reports before the merge keep the old name.
        var completed = await coordinator.PutAsJsonAsync($"/api/v1/findings/{roadFinding}", new { title = "件名", departments = Each("DX推進課"), version });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(["路政課"], Departments(await ExportAsync(host, "2025-03"), roadFinding));
        Assert.Equal(["DX推進課"], Departments(await ExportAsync(host, null), roadFinding));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_coordinator_registers_an_audit_and_its_findings(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "tanaka", Roles.Auditor);
        await using var host = await WebHost.StartAsync(db.Target);
        using var coordinator = await StaffAccounts.TokenClientAsync(db, host, "sato");
        using var auditor = await StaffAccounts.TokenClientAsync(db, host, "tanaka");
        var audit = new { kind = "包括外部監査", fiscalYear = 2024, theme = "公共施設の維持管理について", auditor = "監査 太郎", reportDate = "2025-02-14" };

        var refused = await auditor.PostAsJsonAsync("/api/v1/audits", audit);
        var created = await coordinator.PostAsJsonAsync("/api/v1/audits", audit);
        var again = await coordinator.PostAsJsonAsync("/api/v1/audits", audit with { });
        var invalid = await coordinator.PostAsJsonAsync("/api/v1/audits", new { kind = "", fiscalYear = 12 });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("R6-包括外部監査", json["key"]!.GetValue<string>());
        Assert.Equal("令和6年度", json["fiscalYearLabel"]!.GetValue<string>());
        Assert.Equal("R6-包括外部監査-2", (await again.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("kind") && errors.ContainsKey("fiscalYear"));

        var key = Uri.EscapeDataString("R6-包括外部監査");
        var version = json["version"]!.GetValue<Guid>();
        var edited = await coordinator.PutAsJsonAsync($"/api/v1/audits/{key}", new { theme = "公共施設の維持管理と長寿命化について", auditor = "監査 太郎", version });
        var stale = await coordinator.PutAsJsonAsync($"/api/v1/audits/{key}", new { theme = "古い版からの変更", version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("公共施設の維持管理と長寿命化について", (await edited.Content.ReadFromJsonAsync<JsonObject>())!["theme"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var department = await coordinator.PostAsJsonAsync("/api/v1/departments", new { name = "公共建築課" });
        Assert.Equal(HttpStatusCode.Created, department.StatusCode);
        var mismatch = await coordinator.PostAsJsonAsync($"/api/v1/audits/{key}/findings", new { number = "R6-指-1", category = "意見", title = "件名" });
        var finding = await coordinator.PostAsJsonAsync($"/api/v1/audits/{key}/findings", new { number = "Ｒ６－指－１", category = "指摘", title = "点検記録の保存について", reportPages = "P160-161", departments = Each("公共建築課") });
        var duplicate = await coordinator.PostAsJsonAsync($"/api/v1/audits/{key}/findings", new { number = "R6-指-1", title = "件名" });

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("category", (await mismatch.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.Created, finding.StatusCode);
        var registered = (await finding.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("R6-指-1", registered["number"]!.GetValue<string>());
        Assert.Equal(1, registered["sequence"]!.GetValue<int>());
        Assert.Equal("P160~161", registered["reportPages"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("点検記録の保存について", (await GetJsonAsync(auditor, "/api/v1/findings/R6-指-1"))["title"]!.GetValue<string>());
    }

    internal static string[] Each(params string[] items) => items;

    internal static async Task<TestDatabase> SeededAsync(string engine)
    {
        var db = await TestDatabase.CreateAsync(engine);
        var result = await ImportSeedAsync(db);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return db;
    }

    internal static async Task<ImportResult> ImportSeedAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await new ImportStatusReports(context, TimeProvider.System).RunAsync([TestPaths.SeedFile], false, null, CancellationToken.None);
    }

    internal static async Task<JsonObject> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    internal static async Task<int> DepartmentIdAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/v1/departments"))!.Single(d => d!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<int>();

    internal static async Task<JsonObject> ExportAsync(WebHost host, string? asOf) =>
        (await host.Client.GetFromJsonAsync<JsonObject>("/open-data/kansa.json" + (asOf is null ? "" : "?asOf=" + asOf)))!;

    internal static IEnumerable<JsonObject> Findings(JsonObject export) =>
        export["audits"]!.AsArray().SelectMany(a => a!["findings"]!.AsArray()).Select(f => f!.AsObject());

    internal static JsonObject Finding(JsonObject export, string number) =>
        Findings(export).Single(f => f["number"]!.GetValue<string>() == number);

    internal static IReadOnlyList<string> Names(JsonObject finding) =>
        [.. finding["departments"]!.AsArray().Select(d => d!.GetValue<string>())];

    internal static IReadOnlyList<string> Departments(JsonObject export, string number) => Names(Finding(export, number));
}
