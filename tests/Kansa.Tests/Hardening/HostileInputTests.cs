using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kansa.Tests.Support;

namespace Kansa.Tests.Hardening;

/// <summary>
/// Issue 7 item 4: a table of hostile inputs sent to every /api/v1 write route and query parameter on both engines.
/// Every one must get a 4xx Japanese ProblemDetails (never a 500, never HTML or an empty body), and leave the
/// database exactly as it was (the JSON export and every other table compared before and after).
/// </summary>
public partial class HostileInputTests
{
    private static readonly string Huge = new('あ', 100_000);

    /// <summary>Values that no field of the kind may accept, as raw JSON.</summary>
    public static IReadOnlyList<string> HostileValues(FieldKind kind) => kind switch
    {
        FieldKind.Text => [J("a\0b"), J("\uFFFE"), "\"\\ud800\"", J(Huge), J("x\u0001y"), "123", "true", "[]", "{}"],
        FieldKind.Month => [J("٢٠٢٥-٠٨"), J("1800-01"), J("0226-01"), J("9999-12"), J("2025-13"), J("2025-08\0"), J(""), J("２０２５-０８"), "202508", "[]"],
        FieldKind.Date => [J("9999-12-31"), J("0001-01-01"), J("1800-01-01"), J("٢٠٢٥-١٠-٣١"), J("2025-02-30"), J("2025-10-31\0"), "20251031", "{}"],
        FieldKind.WholeNumber => ["99999999999", "1.5", J("x"), J("٣"), "-1", "0", "true", "[]"],
        FieldKind.Version => [J("not-a-guid"), J("\0"), "123", "[]", J(Huge)],
        FieldKind.Pages => [J("P٤٥"), J("P99999999999"), J("P1~99999999999"), J("a\0b"), J(Huge), "45"],
        FieldKind.IntList => ["[99999999999]", J("x"), "[null]", "{}", "[1.5]", "[\"٣\"]"],
        FieldKind.TextList => [$"[{J("a\0b")}]", $"[{J(Huge)}]", "[1]", J("x"), "{}", "[[]]", $"[{string.Join(',', Enumerable.Repeat(J("DX推進課"), 60))}]"],
        _ => [],
    };

    /// <summary>Whole bodies that no JSON route may accept.</summary>
    public static IReadOnlyList<string> HostileBodies(bool bodyOptional) =>
        bodyOptional ? ["{", "[]", "\"x\"", "1", "{\"a\":", "{\"version\":}", "\uFEFF{"] : ["{", "[]", "\"x\"", "1", "{\"a\":", "null", "", "\uFEFF{"];

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task No_hostile_body_gets_a_500_or_changes_the_database(string engine)
    {
        var routes = await ApiRoutes.CreateAsync(engine);
        await using var setup = routes.Setup;
        var failures = new List<string>();
        var sent = 0;
        foreach (var route in routes.Writes)
        {
            var before = await DbFingerprint.TakeAsync(setup.Db);
            foreach (var (field, kind) in route.Fields)
            {
                foreach (var value in HostileValues(kind))
                {
                    var body = route.Template.DeepClone().AsObject();
                    body[field] = null;
                    var json = body.ToJsonString().Replace($"\"{field}\":null", $"\"{field}\":{value}", StringComparison.Ordinal);
                    await CheckAsync(route.Client, route.Method, route.Path, json, "application/json", $"{route.Name} {field}={Show(value)}", failures);
                    sent++;
                }
            }

            foreach (var body in HostileBodies(route.BodyOptional))
            {
                await CheckAsync(route.Client, route.Method, route.Path, body, "application/json", $"{route.Name} body {Show(body)}", failures);
                sent++;
            }

            await CheckAsync(route.Client, route.Method, route.Path, route.Template.ToJsonString(), "text/plain", $"{route.Name} text/plain", failures, 415);
            var oversize = $"{{\"x\":\"{new string('a', 2 * 1024 * 1024)}\"}}";
            await CheckAsync(route.Client, route.Method, route.Path, oversize, "application/json", $"{route.Name} 2 MB", failures, 413);
            sent += 2;

            var after = await DbFingerprint.TakeAsync(setup.Db);
            if (before != after)
            {
                failures.Add($"{route.Name}: the database changed ({FirstDifference(before, after)})");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile bodies mishandled on {engine}:\n" + string.Join('\n', failures));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task No_hostile_query_or_path_gets_a_500(string engine)
    {
        var routes = await ApiRoutes.CreateAsync(engine);
        await using var setup = routes.Setup;
        var failures = new List<string>();
        var before = await DbFingerprint.TakeAsync(setup.Db);
        // Values no lookup or filter can use. (Undecodable bytes such as %FF arrive as U+FFFD and Arabic-Indic digits are
        // text: a search for them may rightly answer 200 with nothing found, so they are in the lists below only where a
        // number or date is expected. A NUL in the path itself is refused by Kestrel before the app sees the request.)
        string[] text = ["a%00b", "%EF%BF%BE", new string('x', 5000)];
        string[] paths = ["%EF%BF%BE", new string('x', 5000), "R5-%E6%8C%87-99999999999"];
        string[] dates = ["9999-12-31", "0001-01-01", "1800-01-01", "%D9%A2%D9%A0%D9%A2%D9%A5-01-01", "2025-02-30", "2025-01-01%00"];
        string[] numbers = ["99999999999", "x", "%D9%A3", "1.5", "-99999999999"];
        var queries = new List<(HttpClient Client, string Path)>();
        foreach (var p in new[] { "actor", "action", "entityType" })
        {
            queries.AddRange(text.Select(v => (routes.Admin, $"/api/v1/change-log?{p}={v}")));
        }

        foreach (var p in new[] { "from", "to" })
        {
            queries.AddRange(dates.Select(v => (routes.Admin, $"/api/v1/change-log?{p}={v}")));
        }

        foreach (var p in new[] { "page", "pageSize" })
        {
            queries.AddRange(numbers.Select(v => (routes.Admin, $"/api/v1/change-log?{p}={v}")));
        }

        queries.AddRange(text.Select(v => (routes.Coordinator, $"/api/v1/rounds/{routes.RoundId}/preview?format={v}")));
        queries.AddRange(text.Select(v => (routes.Coordinator, $"/api/v1/rounds/{routes.RoundId}/preview?audit={v}")));
        queries.AddRange(text.Select(v => (routes.Coordinator, $"/api/v1/findings/R5-指-1?audit={v}")));
        queries.AddRange(paths.Select(v => (routes.Coordinator, $"/api/v1/findings/{v}")));
        queries.AddRange(numbers.Select(v => (routes.Coordinator, $"/api/v1/responses/{v}")));
        queries.AddRange(numbers.Select(v => (routes.Coordinator, $"/api/v1/rounds/{v}")));
        foreach (var (client, path) in queries)
        {
            await CheckAsync(client, HttpMethod.Get, path, null, null, $"GET {path[..Math.Min(path.Length, 80)]}", failures);
        }

        // The framework's own refusals: unknown route, wrong method, no or bad token, a role without the right.
        using var anonymous = new HttpClient { BaseAddress = setup.Host.Address };
        using var badToken = new HttpClient { BaseAddress = setup.Host.Address };
        badToken.DefaultRequestHeaders.Authorization = new("Bearer", "kansa_not-a-token");
        await CheckAsync(routes.Coordinator, HttpMethod.Get, "/api/v1/nothing-here", null, null, "unknown route", failures, 404);
        await CheckAsync(routes.Coordinator, HttpMethod.Delete, "/api/v1/rounds", null, null, "DELETE rounds", failures, 405);
        await CheckAsync(anonymous, HttpMethod.Get, "/api/v1/rounds", null, null, "no token", failures, 401);
        await CheckAsync(anonymous, HttpMethod.Post, "/api/v1/rounds", "{\"asOf\":\"2025-12\"}", "application/json", "no token, write", failures, 401);
        await CheckAsync(badToken, HttpMethod.Get, "/api/v1/rounds", null, null, "bad token", failures, 401);
        await CheckAsync(routes.Editor, HttpMethod.Get, "/api/v1/rounds", null, null, "editor reads rounds", failures, 403);
        await CheckAsync(routes.Editor, HttpMethod.Post, "/api/v1/rounds", "{\"asOf\":\"2025-12\"}", "application/json", "editor opens a round", failures, 403);
        var unauthorized = await anonymous.GetAsync("/api/v1/rounds");
        if (!unauthorized.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
        {
            failures.Add("401 without WWW-Authenticate: Bearer");
        }

        // The public pages and downloads: HTML or ProblemDetails as they answer, but never a 5xx.
        string[] months = ["%D9%A2%D9%A0%D9%A2%D9%A5-%D9%A0%D9%A8", "1800-01", "9999-12", "0226-01", "%EF%BF%BE", "a%00b", new string('x', 5000)];
        var pages = new List<string>();
        foreach (var page in new[] { "/audits/R5-包括外部監査", "/audits/R5-包括外部監査/report.json", "/open-data/kansa.csv", "/open-data/kansa.txt" })
        {
            pages.AddRange(months.Select(m => $"{page}?asOf={m}"));
        }

        foreach (var p in new[] { "category", "state", "department" })
        {
            pages.AddRange(text.Select(v => $"/audits/R5-包括外部監査?{p}={v}"));
        }

        pages.AddRange(text.Select(v => $"/findings/R5-指-3?audit={v}"));
        pages.AddRange(paths.Select(v => $"/findings/{v}"));
        pages.AddRange(paths.Select(v => $"/audits/{v}"));
        pages.AddRange(months.Select(m => $"/audits/R5-包括外部監査/changes?from={m}&to=2025-08"));
        pages.AddRange(months.Select(m => $"/audits/R5-包括外部監査/changes?from=2025-01&to={m}"));
        pages.AddRange(paths.Select(v => $"/audits/{v}/changes?from=2025-01&to=2025-08"));
        foreach (var page in pages)
        {
            var answer = await anonymous.GetAsync(page);
            if ((int)answer.StatusCode >= 500)
            {
                failures.Add($"GET {page[..Math.Min(page.Length, 80)]}: {(int)answer.StatusCode}");
            }
        }

        Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));
        Assert.True(failures.Count == 0, $"{failures.Count} of {queries.Count + pages.Count + 7} hostile queries mishandled on {engine}:\n" + string.Join('\n', failures));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Evidence_uploads_over_the_limit_or_with_a_long_name_are_refused_as_ProblemDetails(string engine)
    {
        var routes = await ApiRoutes.CreateAsync(engine);
        await using var setup = routes.Setup;
        var before = await DbFingerprint.TakeAsync(setup.Db);
        var failures = new List<string>();
        var path = $"/api/v1/responses/{routes.ResponseId}/evidence";

        // A name longer than the column (255) was a 22001 on PostgreSQL.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("証拠")), "file", new string('あ', 300) + ".txt");
            var response = await routes.Editor.PostAsync(path, form);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || Describe(response, text) is { } problem || !text.Contains("\"file\"", StringComparison.Ordinal))
            {
                failures.Add($"long name: {(int)response.StatusCode} {text}");
            }
        }

        // Over the evidence limit (10 MB) plus the multipart framing: 413 before the body is read.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(new byte[(10 * 1024 * 1024) + (128 * 1024)]), "file", "big.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
            request.Headers.ExpectContinue = true;
            var response = await routes.Editor.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge || Describe(response, text) is not null)
            {
                failures.Add($"too large: {(int)response.StatusCode} {text}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));
    }

    /// <summary>Sends one request and checks the answer: 4xx (or the expected status), ProblemDetails, a Japanese title.</summary>
    internal static async Task CheckAsync(HttpClient client, HttpMethod method, string path, string? body, string? contentType, string what, List<string> failures, int? expected = null)
    {
        using var request = new HttpRequestMessage(method, path);

        // A body over the limit is refused before it is read: ask first (Expect: 100-continue) so that the client does not
        // keep sending into a connection the server has answered and closed.
        request.Headers.ExpectContinue = body?.Length > 1024 * 1024;
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new(contentType!) { CharSet = "utf-8" };
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var problem = Describe(response, text);
        if (status >= 500 || status < 400 || (expected is { } e && status != e) || problem is not null)
        {
            failures.Add($"{what}: {status} {problem ?? ""} {text[..Math.Min(text.Length, 200)]}");
        }
    }

    // Null when the answer is a ProblemDetails JSON with a Japanese title and the status inside.
    private static string? Describe(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"Content-Type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}";
        }

        try
        {
            var node = JsonNode.Parse(text);
            var title = (string?)node?["title"];
            return title is null || !Japanese().IsMatch(title) ? $"title not Japanese: {title}"
                : (int?)node?["status"] != (int)response.StatusCode ? "status field differs" : null;
        }
        catch (JsonException)
        {
            return "body is not JSON";
        }
    }

    private static string J(string s) => JsonSerializer.Serialize(s);

    private static string Show(string value) => value.Length > 40 ? value[..40] + $"…({value.Length})" : value;

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return $"at {i}: …{a.Substring(Math.Max(0, i - 60), Math.Min(160, a.Length - Math.Max(0, i - 60)))}… became …{b.Substring(Math.Max(0, i - 60), Math.Min(160, b.Length - Math.Max(0, i - 60)))}…";
    }

    [GeneratedRegex(@"[\u3040-\u30FF\u4E00-\u9FFF]")]
    private static partial Regex Japanese();
}
