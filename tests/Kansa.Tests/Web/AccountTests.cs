using System.Net;
using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Web;

/// <summary>Per-person accounts, sign-in, tokens and the change log, over real HTTP.</summary>
public class AccountTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_person_signs_in_and_every_attempt_is_logged_in_an_intact_chain(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);

        var anonymous = StaffAccounts.CookieClient(host);
        var refused = await StaffAccounts.PostFormAsync(anonymous, "/account/login", new() { ["Input.Login"] = "sato", ["Input.Password"] = "wrong-password-123" });
        var client = await StaffAccounts.SignedInClientAsync(host, "sato");
        var staff = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ログイン名かパスワードが違います", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("取りまとめ担当", await staff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var context = db.CreateContext();
        var log = await context.ChangeEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Contains(log, e => e.Action == "login-failed" && e.EntityKey == "sato");
        Assert.Contains(log, e => e.Action == "login" && e.Actor == "user:sato");
        Assert.Null(ChangeChain.Verify(log, db.AuditKey).Problem);
    }

    [Fact]
    public async Task Staff_pages_need_a_sign_in_and_the_portal_does_not()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await WebHost.StartAsync(db.Target);
        var client = StaffAccounts.CookieClient(host);

        var staff = await client.GetAsync("/staff");
        var portal = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.StartsWith("/account/login", staff.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "tanaka", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target);
        var client = StaffAccounts.CookieClient(host);
        for (var i = 0; i < 5; i++)
        {
            await StaffAccounts.PostFormAsync(client, "/account/login", new() { ["Input.Login"] = "tanaka", ["Input.Password"] = "not-the-password-" + i });
        }

        var locked = await StaffAccounts.PostFormAsync(client, "/account/login", new() { ["Input.Login"] = "tanaka", ["Input.Password"] = StaffAccounts.Password });

        Assert.Contains("ロックされています", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await WebHost.StartAsync(db.Target);
        var client = StaffAccounts.CookieClient(host);
        var statuses = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await StaffAccounts.PostFormAsync(client, "/account/login", new() { ["Input.Login"] = "nobody", ["Input.Password"] = "not-a-password-" + i })).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task The_upload_api_takes_a_token_never_a_browser_cookie()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "abe", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);
        var cookie = await StaffAccounts.SignedInClientAsync(host, "abe");
        using var form = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "a.txt" } };

        var response = await cookie.PostAsync("/api/v1/responses/1/evidence", form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_cookie_never_authenticates_an_api_write()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "okada", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);
        var cookie = await StaffAccounts.SignedInClientAsync(host, "okada");

        var write = await cookie.PostAsync("/api/v1/rounds", new StringContent("{\"asOf\":\"2025-11\"}", System.Text.Encoding.UTF8, "application/json"));
        var read = await cookie.GetAsync("/api/v1/rounds");

        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_login_form_post_without_its_antiforgery_token_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "suzuki", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target);

        var response = await StaffAccounts.CookieClient(host).PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Login"] = "suzuki", ["Input.Password"] = StaffAccounts.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("short")]
    [InlineData("qwertyuiopas")]
    [InlineData("yamada-secret-2025")]
    public async Task Weak_passwords_are_refused(string password)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var run = await CliRun.RunWithInputAsync(password + "\n", "user", "add", "yamada", "--role", "viewer", "--password-stdin", "--db", db.Target.Display);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("パスワード", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_records_the_email_that_receives_notices()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var run = await CliRun.RunWithInputAsync(StaffAccounts.Password + "\n", "user", "add", "mori", "--role", "editor", "--department", "DX推進課",
            "--email", "mori@city.example.jp", "--password-stdin", "--db", db.Target.Display);

        Assert.Equal(0, run.ExitCode);
        await using var context = db.CreateContext();
        Assert.Equal("mori@city.example.jp", (await context.Users.SingleAsync()).Email);
    }

    [Fact]
    public async Task Tokens_are_shown_once_stored_hashed_and_revocable()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "kato", Roles.Auditor);

        var created = await CliRun.RunAsync("token", "create", "kato", "--db", db.Target.Display);
        var secret = created.Out.Trim();
        await using var context = db.CreateContext();
        var stored = await context.ApiTokens.SingleAsync();
        var revoked = await CliRun.RunAsync("token", "revoke", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db.Target.Display);

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("kansa_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        await using var after = db.CreateContext();
        Assert.Null(await new ApiTokens(after, TimeProvider.System).FindUserAsync(secret, CancellationToken.None));
    }

    [Fact]
    public async Task Audit_log_verify_detects_tampering()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "ito", Roles.Viewer);
        Assert.Equal(0, (await CliRun.RunAsync("change-log", "verify", "--db", db.Target.Display)).ExitCode);

        await using (var context = db.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'user:mallory' WHERE \"Sequence\" = 2");
        }

        var run = await CliRun.RunAsync("change-log", "verify", "--db", db.Target.Display);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 番の記録が書き換えられています", run.Error, StringComparison.Ordinal);
    }
}
