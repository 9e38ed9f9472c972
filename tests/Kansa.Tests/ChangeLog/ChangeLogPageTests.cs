using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kansa.Accounts;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.ChangeLog;

/// <summary>The change-log pages, CSV export and API: admins and auditors only.</summary>
public class ChangeLogPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Auditors_filter_the_log_and_export_it_as_logged_CSV_and_editors_are_refused(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "kansa-iin", Roles.Auditor);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await using var host = await WebHost.StartAsync(db.Target);
        var editor = await StaffAccounts.SignedInClientAsync(host, "dx-editor");
        var auditor = await StaffAccounts.SignedInClientAsync(host, "kansa-iin");
        var today = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Kansa.ChangeLog.SearchChangeLog.Japan).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await editor.GetAsync("/staff/change-log");
        var page = await auditor.GetStringAsync("/staff/change-log?Filter.Action=login");
        var csvResponse = await auditor.GetAsync($"/staff/change-log?handler=Csv&Filter.Action=login&Filter.From={today}&Filter.To={today}");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var future = await auditor.GetStringAsync("/staff/change-log?Filter.From=2999-01-01");
        var badDate = await auditor.GetStringAsync("/staff/change-log?Filter.From=R7.11");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("dx-editor (DX推進課)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("user:", page, StringComparison.Ordinal);
        Assert.Contains("2 件中", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", csvResponse.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("連番,日時,実行者,操作,対象の種類,対象のキー,変更前,変更後", rows[0]);
        Assert.Equal(2, rows.Length - 1);
        Assert.All(rows.Skip(1), r => Assert.Contains(",login,", r, StringComparison.Ordinal));
        Assert.Contains("0 件中", future, StringComparison.Ordinal);
        Assert.Contains("開始日: 「R7.11」を日付として読めません", badDate, StringComparison.Ordinal);

        await using var context = db.CreateContext();
        var export = await context.ChangeEntries.SingleAsync(e => e.Action == "export");
        Assert.Equal("user:kansa-iin", export.Actor);
        Assert.Contains("\"Action\":\"login\"", export.After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_actor_filter_finds_a_person_by_the_name_the_log_shows_as_well_as_by_login(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "kansa-iin", Roles.Auditor);
        await StaffAccounts.CreateUserAsync(db, "kanri-tanaka", Roles.Coordinator);
        await using (var context = db.CreateContext())
        {
            var user = await context.Users.SingleAsync(u => u.UserName == "kanri-tanaka");
            user.DisplayName = "田中 花子";
            await context.SaveChangesAsync();
        }

        await using var host = await WebHost.StartAsync(db.Target);
        _ = await StaffAccounts.SignedInClientAsync(host, "kanri-tanaka");
        var auditor = await StaffAccounts.SignedInClientAsync(host, "kansa-iin");

        var byName = await auditor.GetStringAsync("/staff/change-log?Filter.Action=login&Filter.Actor=" + Uri.EscapeDataString("田中"));
        var byLogin = await auditor.GetStringAsync("/staff/change-log?Filter.Action=login&Filter.Actor=kanri-tanaka");
        var nobody = await auditor.GetStringAsync("/staff/change-log?Filter.Action=login&Filter.Actor=" + Uri.EscapeDataString("鈴木"));

        Assert.Contains("1 件中", byName, StringComparison.Ordinal);
        Assert.Contains("田中 花子", byName, StringComparison.Ordinal);
        Assert.Contains("1 件中", byLogin, StringComparison.Ordinal);
        Assert.Contains("0 件中", nobody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_audit_log_API_serves_admins_and_auditors_only(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "admin", Roles.Admin);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await using var host = await WebHost.StartAsync(db.Target);
        var admin = await StaffAccounts.TokenClientAsync(db, host, "admin");
        var coordinator = await StaffAccounts.TokenClientAsync(db, host, "sato");
        var editor = await StaffAccounts.TokenClientAsync(db, host, "dx-editor");

        var served = await admin.GetAsync("/api/v1/change-log?entityType=KansaUser&pageSize=2");
        var json = await served.Content.ReadFromJsonAsync<JsonElement>();
        var bad = await admin.GetAsync("/api/v1/change-log?to=yesterday");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(3, json.GetProperty("total").GetInt32());
        Assert.Equal(2, json.GetProperty("lines").GetArrayLength());
        Assert.Equal(2, json.GetProperty("pages").GetInt32());
        Assert.All(json.GetProperty("lines").EnumerateArray(), l => Assert.Equal("KansaUser", l.GetProperty("entityType").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("終了日", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/v1/change-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/change-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/v1/change-log")).StatusCode);
    }
}
