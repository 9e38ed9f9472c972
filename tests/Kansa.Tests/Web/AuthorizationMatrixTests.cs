using System.Net;
using Kansa.Evidence;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Responses;
using Kansa.Rounds;
using Microsoft.EntityFrameworkCore;
using Kansa.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace Kansa.Tests.Web;

/// <summary>
/// Every page and API route × every role (editors and approvers of the finding's department and of another one) and
/// anonymous, with the exact status expected, on both engines. A route the app maps without a rule here fails
/// <see cref="Every_route_has_a_rule"/>: a new route cannot ship without deciding who may use it. The README's scope
/// rule shows in the table: another department's editor gets 404 for what it may not know and 403 for what it may
/// not do. Bodies are chosen so that no call changes the data (missing fields, a stale version), so the order of the
/// cases does not matter. Statuses only: the bodies of errors are another test's business.
/// </summary>
public class AuthorizationMatrixTests(AuthorizationMatrixTests.Sites sites) : IClassFixture<AuthorizationMatrixTests.Sites>
{
    /// <summary>Who may use a route.</summary>
    public enum Who
    {
        /// <summary>Everyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in person.</summary>
        Staff,

        /// <summary>Admin and coordinator.</summary>
        Coordinators,

        /// <summary>Admin and auditor.</summary>
        ChangeLogReaders,

        /// <summary>Editors of the finding's department.</summary>
        Editors,

        /// <summary>Approvers.</summary>
        Approvers,

        /// <summary>Admin, coordinator and editors (department sheets).</summary>
        SheetUsers,
    }

    /// <summary>The columns of <see cref="Expected"/>, in order.</summary>
    private static readonly string[] Roles = [.. Kansa.Accounts.Roles.All, OtherEditor, OtherApprover, "anonymous"];

    private const string OtherEditor = "editor-other";
    private const string OtherApprover = "approver-other";

    // The finding the paths name (R5-指-3 of the demo) belongs to 農政課; the "other" roles act for DX推進課.
    private const string OwnDepartment = "農政課";
    private const string OtherDepartment = "DX推進課";

    // A version no response has: a state-changing call that gets this far answers 409 and changes nothing.
    private const string Stale = "{\"version\":\"00000000-0000-0000-0000-000000000001\",\"comment\":\"確認\",\"status\":\"検討中\",\"content\":\"x\"}";

    /// <summary>JSON bodies other than <c>{}</c>.</summary>
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["PUT /api/v1/responses/{id:int}"] = Stale,
        ["POST /api/v1/responses/{id:int}/submit"] = Stale,
        ["POST /api/v1/responses/{id:int}/approve"] = Stale,
        ["POST /api/v1/responses/{id:int}/return"] = Stale,

        // A response id the preview never showed: publishing answers 409 instead of publishing.
        ["POST /api/v1/rounds/{id:int}/publish"] = "{\"responseIds\":[999999]}",
    };

    // The upload takes multipart; a file of a refused type reaches every check but stores nothing.
    private const string Upload = "POST /api/v1/responses/{id:int}/evidence";

    /// <summary>The rules: "METHOD pattern" → who, and the path to call with sample values.</summary>
    public static readonly Dictionary<string, (Who Who, string Path)> Rules = new(StringComparer.Ordinal)
    {
        ["GET /"] = (Who.Public, "/"),
        ["POST /"] = (Who.Public, "/"),
        ["POST /audits/{key}"] = (Who.Public, "/audits/R5-包括外部監査"),
        ["POST /findings/{number}"] = (Who.Public, "/findings/R5-指-3"),
        ["POST /audits/{key}/findings/{number}"] = (Who.Public, "/audits/R5-包括外部監査/findings/R5-指-3"),
        ["POST /error/{code:int}"] = (Who.Public, "/error/404"),
        ["GET /audits/{key}"] = (Who.Public, "/audits/R5-包括外部監査"),
        ["GET /findings/{number}"] = (Who.Public, "/findings/R5-指-3"),
        ["GET /audits/{key}/findings/{number}"] = (Who.Public, "/audits/R5-包括外部監査/findings/R5-指-3"),
        ["GET /audits/{key}/report.{ext}"] = (Who.Public, "/audits/R5-包括外部監査/report.json"),
        ["GET /audits/{key}/report"] = (Who.Public, "/audits/R5-包括外部監査/report"),
        ["POST /audits/{key}/report"] = (Who.Public, "/audits/R5-包括外部監査/report"),
        ["GET /audits/{key}/report.pdf"] = (Who.Public, "/audits/R5-包括外部監査/report.pdf"),
        ["GET /open-data/kansa.{ext}"] = (Who.Public, "/open-data/kansa.csv"),
        ["GET /feed.atom"] = (Who.Public, "/feed.atom"),
        ["GET /healthz"] = (Who.Public, "/healthz"),
        ["GET /readyz"] = (Who.Public, "/readyz"),
        ["GET /departments"] = (Who.Public, "/departments"),
        ["POST /departments"] = (Who.Public, "/departments"),
        ["GET /departments/{id:int}"] = (Who.Public, "/departments/1"),
        ["POST /departments/{id:int}"] = (Who.Public, "/departments/1"),
        ["GET /ageing"] = (Who.Public, "/ageing"),
        ["POST /ageing"] = (Who.Public, "/ageing"),
        ["GET /themes"] = (Who.Public, "/themes"),
        ["POST /themes"] = (Who.Public, "/themes"),
        ["GET /audits/{key}/progress-{category}.svg"] = (Who.Public, "/audits/R5-包括外部監査/progress-finding.svg"),
        ["GET /departments/chart.svg"] = (Who.Public, "/departments/chart.svg"),
        ["GET /ageing/spans.svg"] = (Who.Public, "/ageing/spans.svg"),
        ["GET /ageing/years.svg"] = (Who.Public, "/ageing/years.svg"),
        ["GET /search"] = (Who.Public, "/search?q=%E5%86%8D%E5%A7%94%E8%A8%97"),
        ["POST /search"] = (Who.Public, "/search"),
        ["GET /openapi"] = (Who.Public, "/openapi"),
        ["POST /openapi"] = (Who.Public, "/openapi"),
        ["GET /openapi/{documentName}.json"] = (Who.Public, "/openapi/v1.json"),
        ["GET /api/v1/search"] = (Who.Public, "/api/v1/search?q=%E5%86%8D%E5%A7%94%E8%A8%97"),
        ["GET /api/v1/audits/"] = (Who.Public, "/api/v1/audits"),
        ["GET /api/v1/audits/{key}"] = (Who.Public, "/api/v1/audits/R5-包括外部監査"),
        ["GET /api/v1/audits/{key}/findings"] = (Who.Public, "/api/v1/audits/R5-包括外部監査/findings"),
        ["GET /error/{code:int}"] = (Who.Public, "/error/404"),
        ["GET /account/login"] = (Who.Public, "/account/login"),
        ["POST /account/login"] = (Who.Public, "/account/login"),
        ["GET /account/login-2fa"] = (Who.Public, "/account/login-2fa"),
        ["POST /account/login-2fa"] = (Who.Public, "/account/login-2fa"),
        ["GET /account/external"] = (Who.Public, "/account/external"),
        ["POST /account/external"] = (Who.Public, "/account/external"),
        ["POST /account/logout"] = (Who.Staff, "/account/logout"),
        ["GET /account/logout"] = (Who.Staff, "/account/logout"),
        ["GET /account/two-factor"] = (Who.Staff, "/account/two-factor"),
        ["POST /account/two-factor"] = (Who.Staff, "/account/two-factor"),
        ["GET /staff"] = (Who.Staff, "/staff"),
        ["POST /staff"] = (Who.Staff, "/staff"),
        ["GET /staff/registry"] = (Who.Coordinators, "/staff/registry"),
        ["POST /staff/registry"] = (Who.Coordinators, "/staff/registry"),
        ["GET /staff/registry/audits/new"] = (Who.Coordinators, "/staff/registry/audits/new"),
        ["POST /staff/registry/audits/new"] = (Who.Coordinators, "/staff/registry/audits/new"),
        ["GET /staff/registry/audits/{key}"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査"),
        ["POST /staff/registry/audits/{key}"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査"),
        ["GET /staff/registry/audits/{key}/edit"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/edit"),
        ["POST /staff/registry/audits/{key}/edit"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/edit"),
        ["GET /staff/registry/audits/{key}/findings/new"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/findings/new"),
        ["POST /staff/registry/audits/{key}/findings/new"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/findings/new"),
        ["GET /staff/registry/audits/{key}/findings/{number}/edit"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/findings/R5-指-3/edit"),
        ["POST /staff/registry/audits/{key}/findings/{number}/edit"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/findings/R5-指-3/edit"),
        ["GET /staff/registry/departments"] = (Who.Coordinators, "/staff/registry/departments"),
        ["POST /staff/registry/departments"] = (Who.Coordinators, "/staff/registry/departments"),
        ["GET /staff/registry/departments/{id:int}"] = (Who.Coordinators, "/staff/registry/departments/1"),
        ["POST /staff/registry/departments/{id:int}"] = (Who.Coordinators, "/staff/registry/departments/1"),
        ["GET /staff/findings"] = (Who.Staff, "/staff/findings"),
        ["POST /staff/findings"] = (Who.Staff, "/staff/findings"),
        ["GET /staff/findings/{number}"] = (Who.Staff, "/staff/findings/R5-指-3"),
        ["POST /staff/findings/{number}"] = (Who.Staff, "/staff/findings/R5-指-3"),
        ["GET /staff/rounds"] = (Who.Coordinators, "/staff/rounds"),
        ["POST /staff/rounds"] = (Who.Coordinators, "/staff/rounds"),
        ["GET /staff/rounds/{id:int}"] = (Who.Coordinators, "/staff/rounds/1"),
        ["POST /staff/rounds/{id:int}"] = (Who.Coordinators, "/staff/rounds/1"),
        ["GET /staff/responses/{id:int}/evidence"] = (Who.Staff, "/staff/responses/1/evidence"),
        ["POST /staff/responses/{id:int}/evidence"] = (Who.Staff, "/staff/responses/1/evidence"),
        ["GET /staff/change-log"] = (Who.ChangeLogReaders, "/staff/change-log"),
        ["POST /staff/change-log"] = (Who.ChangeLogReaders, "/staff/change-log"),
        ["GET /staff/sheets"] = (Who.SheetUsers, "/staff/sheets"),
        ["POST /staff/sheets"] = (Who.SheetUsers, "/staff/sheets"),
        ["GET /staff/vocabulary"] = (Who.Coordinators, "/staff/vocabulary"),
        ["POST /staff/vocabulary"] = (Who.Coordinators, "/staff/vocabulary"),
        ["GET /api/v1/vocabulary/"] = (Who.Staff, "/api/v1/vocabulary"),
        ["PUT /api/v1/vocabulary/"] = (Who.Coordinators, "/api/v1/vocabulary"),
        ["GET /api/v1/change-log"] = (Who.ChangeLogReaders, "/api/v1/change-log"),
        ["POST /api/v1/findings/{number}/requests"] = (Who.Coordinators, "/api/v1/findings/R5-指-3/requests"),
        ["POST /api/v1/requests/{id:int}/due-date"] = (Who.Coordinators, "/api/v1/requests/1/due-date"),
        ["POST /api/v1/findings/{number}/responses"] = (Who.Editors, "/api/v1/findings/R5-指-3/responses"),
        ["GET /api/v1/responses/{id:int}"] = (Who.Staff, "/api/v1/responses/1"),
        ["GET /api/v1/staff/findings/"] = (Who.Staff, "/api/v1/staff/findings"),
        ["POST /api/v1/staff/findings/requests"] = (Who.Coordinators, "/api/v1/staff/findings/requests"),
        ["PUT /api/v1/responses/{id:int}"] = (Who.Staff, "/api/v1/responses/1"),
        ["POST /api/v1/responses/{id:int}/submit"] = (Who.Staff, "/api/v1/responses/1/submit"),
        ["POST /api/v1/responses/{id:int}/approve"] = (Who.Staff, "/api/v1/responses/1/approve"),
        ["POST /api/v1/responses/{id:int}/return"] = (Who.Staff, "/api/v1/responses/1/return"),
        ["POST /api/v1/responses/{id:int}/corrections"] = (Who.Staff, "/api/v1/responses/1/corrections"),
        ["POST /api/v1/responses/{id:int}/evidence"] = (Who.Staff, "/api/v1/responses/1/evidence"),
        ["GET /api/v1/evidence/{id:int}"] = (Who.Staff, "/api/v1/evidence/1"),
        ["GET /api/v1/rounds/"] = (Who.Coordinators, "/api/v1/rounds"),
        ["POST /api/v1/rounds/"] = (Who.Coordinators, "/api/v1/rounds"),
        ["GET /api/v1/rounds/{id:int}"] = (Who.Coordinators, "/api/v1/rounds/1"),
        ["GET /api/v1/rounds/{id:int}/preview"] = (Who.Coordinators, "/api/v1/rounds/1/preview"),
        ["POST /api/v1/rounds/{id:int}/publish"] = (Who.Coordinators, "/api/v1/rounds/1/publish"),
        ["POST /api/v1/rounds/{id:int}/cancel"] = (Who.Coordinators, "/api/v1/rounds/1/cancel"),
        ["GET /audits/{key}/changes"] = (Who.Public, "/audits/R5-包括外部監査/changes"),
        ["POST /audits/{key}/changes"] = (Who.Public, "/audits/R5-包括外部監査/changes"),
        ["GET /api/v1/findings/{number}"] = (Who.Public, "/api/v1/findings/R5-指-3"),
        ["PUT /api/v1/findings/{number}"] = (Who.Coordinators, "/api/v1/findings/R5-指-3"),
        ["POST /api/v1/audits/"] = (Who.Coordinators, "/api/v1/audits"),
        ["PUT /api/v1/audits/{key}"] = (Who.Coordinators, "/api/v1/audits/R5-包括外部監査"),
        ["POST /api/v1/audits/{key}/findings"] = (Who.Coordinators, "/api/v1/audits/R5-包括外部監査/findings"),
        ["GET /api/v1/departments/"] = (Who.Staff, "/api/v1/departments"),
        ["POST /api/v1/departments/"] = (Who.Coordinators, "/api/v1/departments"),
        ["POST /api/v1/departments/{id:int}/rename"] = (Who.Coordinators, "/api/v1/departments/1/rename"),
        ["POST /api/v1/departments/{id:int}/merge"] = (Who.Coordinators, "/api/v1/departments/1/merge"),
    };

    /// <summary>
    /// The exact status per route, one column per role in the order of <see cref="Roles"/>: admin, coordinator, editor,
    /// approver, auditor, viewer, editor of another department, approver of another department, anonymous. Pages answer
    /// 302 to the login form (anonymous) or to /error/403 (a role without the right); a form post without its
    /// antiforgery token is 400 for whoever may reach it. The API answers 401/403.
    /// </summary>
    public static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["PUT /api/v1/responses/{id:int}"] = "403 403 409 403 403 403 404 404 401",
        ["POST /api/v1/responses/{id:int}/submit"] = "403 403 409 403 403 403 404 404 401",
        ["POST /api/v1/responses/{id:int}/approve"] = "403 403 403 400 403 403 404 404 401",
        ["POST /api/v1/responses/{id:int}/return"] = "403 403 403 400 403 403 404 404 401",
        ["GET /"] = "200 200 200 200 200 200 200 200 200",
        ["POST /"] = "400 400 400 400 400 400 400 400 400",
        ["POST /audits/{key}"] = "400 400 400 400 400 400 400 400 400",
        ["POST /findings/{number}"] = "400 400 400 400 400 400 400 400 400",
        ["POST /audits/{key}/findings/{number}"] = "400 400 400 400 400 400 400 400 400",
        ["POST /error/{code:int}"] = "200 200 200 200 200 200 200 200 200",
        ["GET /audits/{key}"] = "200 200 200 200 200 200 200 200 200",
        ["GET /findings/{number}"] = "200 200 200 200 200 200 200 200 200",
        ["GET /audits/{key}/findings/{number}"] = "200 200 200 200 200 200 200 200 200",
        ["GET /audits/{key}/report.{ext}"] = "200 200 200 200 200 200 200 200 200",
        ["GET /audits/{key}/report"] = "200 200 200 200 200 200 200 200 200",
        ["POST /audits/{key}/report"] = "400 400 400 400 400 400 400 400 400",
        ["GET /audits/{key}/report.pdf"] = "200 200 200 200 200 200 200 200 200",
        ["GET /open-data/kansa.{ext}"] = "200 200 200 200 200 200 200 200 200",
        ["GET /feed.atom"] = "200 200 200 200 200 200 200 200 200",
        ["GET /healthz"] = "200 200 200 200 200 200 200 200 200",
        ["GET /readyz"] = "200 200 200 200 200 200 200 200 200",
        ["GET /departments"] = "200 200 200 200 200 200 200 200 200",
        ["POST /departments"] = "400 400 400 400 400 400 400 400 400",
        ["GET /departments/{id:int}"] = "200 200 200 200 200 200 200 200 200",
        ["POST /departments/{id:int}"] = "400 400 400 400 400 400 400 400 400",
        ["GET /ageing"] = "200 200 200 200 200 200 200 200 200",
        ["POST /ageing"] = "400 400 400 400 400 400 400 400 400",
        ["GET /themes"] = "200 200 200 200 200 200 200 200 200",
        ["POST /themes"] = "400 400 400 400 400 400 400 400 400",
        ["GET /audits/{key}/progress-{category}.svg"] = "200 200 200 200 200 200 200 200 200",
        ["GET /departments/chart.svg"] = "200 200 200 200 200 200 200 200 200",
        ["GET /ageing/spans.svg"] = "200 200 200 200 200 200 200 200 200",
        ["GET /ageing/years.svg"] = "200 200 200 200 200 200 200 200 200",
        ["GET /search"] = "200 200 200 200 200 200 200 200 200",
        ["POST /search"] = "400 400 400 400 400 400 400 400 400",
        ["GET /openapi"] = "200 200 200 200 200 200 200 200 200",
        ["POST /openapi"] = "400 400 400 400 400 400 400 400 400",
        ["GET /openapi/{documentName}.json"] = "200 200 200 200 200 200 200 200 200",
        ["GET /api/v1/search"] = "200 200 200 200 200 200 200 200 200",
        ["GET /api/v1/audits/"] = "200 200 200 200 200 200 200 200 200",
        ["GET /api/v1/audits/{key}"] = "200 200 200 200 200 200 200 200 200",
        ["GET /api/v1/audits/{key}/findings"] = "200 200 200 200 200 200 200 200 200",
        ["GET /error/{code:int}"] = "404 404 404 404 404 404 404 404 404",
        ["GET /account/login"] = "200 200 200 200 200 200 200 200 200",
        ["POST /account/login"] = "400 400 400 400 400 400 400 400 400",
        ["GET /account/login-2fa"] = "302 302 302 302 302 302 302 302 302",
        ["POST /account/login-2fa"] = "400 400 400 400 400 400 400 400 400",
        ["GET /account/external"] = "200 200 200 200 200 200 200 200 200",
        ["POST /account/external"] = "400 400 400 400 400 400 400 400 400",
        ["POST /account/logout"] = "400 400 400 400 400 400 400 400 302",
        ["GET /account/logout"] = "200 200 200 200 200 200 200 200 302",
        ["GET /account/two-factor"] = "200 200 200 200 200 200 200 200 302",
        ["POST /account/two-factor"] = "400 400 400 400 400 400 400 400 302",
        ["GET /staff"] = "200 200 200 200 200 200 200 200 302",
        ["POST /staff"] = "400 400 400 400 400 400 400 400 302",
        ["GET /staff/registry"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/registry"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/registry/audits/new"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/registry/audits/new"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/registry/audits/{key}"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/registry/audits/{key}"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/registry/audits/{key}/edit"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/registry/audits/{key}/edit"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/registry/audits/{key}/findings/new"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/registry/audits/{key}/findings/new"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/registry/audits/{key}/findings/{number}/edit"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/registry/audits/{key}/findings/{number}/edit"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/registry/departments"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/registry/departments"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/registry/departments/{id:int}"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/registry/departments/{id:int}"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/findings"] = "200 200 200 200 200 200 200 200 302",
        ["POST /staff/findings"] = "400 400 400 400 400 400 400 400 302",
        ["GET /staff/findings/{number}"] = "200 200 200 200 200 200 404 404 302",
        ["POST /staff/findings/{number}"] = "400 400 400 400 400 400 400 400 302",
        ["GET /staff/rounds"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/rounds"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/rounds/{id:int}"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/rounds/{id:int}"] = "400 400 302 302 302 302 302 302 302",
        ["GET /staff/responses/{id:int}/evidence"] = "200 200 200 200 200 200 404 404 302",
        ["POST /staff/responses/{id:int}/evidence"] = "400 400 400 400 400 400 400 400 302",
        ["GET /staff/change-log"] = "200 302 302 302 200 302 302 302 302",
        ["POST /staff/change-log"] = "400 302 302 302 400 302 302 302 302",
        ["GET /staff/sheets"] = "200 200 200 302 302 302 200 302 302",
        ["POST /staff/sheets"] = "400 400 400 302 302 302 400 302 302",
        ["GET /staff/vocabulary"] = "200 200 302 302 302 302 302 302 302",
        ["POST /staff/vocabulary"] = "400 400 302 302 302 302 302 302 302",
        ["GET /api/v1/vocabulary/"] = "200 200 200 200 200 200 200 200 401",
        // An empty body chooses no words: refused (400), nothing changes.
        ["PUT /api/v1/vocabulary/"] = "400 400 403 403 403 403 403 403 401",
        ["GET /api/v1/change-log"] = "200 403 403 403 200 403 403 403 401",
        ["POST /api/v1/findings/{number}/requests"] = "400 400 403 403 403 403 403 403 401",
        ["POST /api/v1/requests/{id:int}/due-date"] = "400 400 403 403 403 403 403 403 401",
        ["POST /api/v1/findings/{number}/responses"] = "403 403 400 403 403 403 404 404 401",
        ["GET /api/v1/responses/{id:int}"] = "200 200 200 200 200 200 404 404 401",
        ["GET /api/v1/staff/findings/"] = "200 200 200 200 200 200 200 200 401",
        ["POST /api/v1/staff/findings/requests"] = "400 400 403 403 403 403 403 403 401",
        ["POST /api/v1/responses/{id:int}/corrections"] = "400 400 403 403 403 403 404 404 401",
        ["POST /api/v1/responses/{id:int}/evidence"] = "400 400 400 403 403 403 404 404 401",
        ["GET /api/v1/evidence/{id:int}"] = "200 200 200 200 200 200 404 404 401",
        ["GET /api/v1/rounds/"] = "200 200 403 403 403 403 403 403 401",
        ["POST /api/v1/rounds/"] = "400 400 403 403 403 403 403 403 401",
        ["GET /api/v1/rounds/{id:int}"] = "200 200 403 403 403 403 403 403 401",
        ["GET /api/v1/rounds/{id:int}/preview"] = "200 200 403 403 403 403 403 403 401",
        ["POST /api/v1/rounds/{id:int}/publish"] = "409 409 403 403 403 403 403 403 401",
        // Without a reason the cancellation is refused (400) and the round stays open.
        ["POST /api/v1/rounds/{id:int}/cancel"] = "400 400 403 403 403 403 403 403 401",
        ["GET /audits/{key}/changes"] = "200 200 200 200 200 200 200 200 200",
        ["POST /audits/{key}/changes"] = "400 400 400 400 400 400 400 400 400",
        // Published data: the public reads it too; editors of other departments still do not see the finding.
        ["GET /api/v1/findings/{number}"] = "200 200 200 200 200 200 404 404 200",
        ["PUT /api/v1/findings/{number}"] = "400 400 403 403 403 403 403 403 401",
        ["POST /api/v1/audits/"] = "400 400 403 403 403 403 403 403 401",
        ["PUT /api/v1/audits/{key}"] = "400 400 403 403 403 403 403 403 401",
        ["POST /api/v1/audits/{key}/findings"] = "400 400 403 403 403 403 403 403 401",
        ["GET /api/v1/departments/"] = "200 200 200 200 200 200 200 200 401",
        ["POST /api/v1/departments/"] = "400 400 403 403 403 403 403 403 401",
        ["POST /api/v1/departments/{id:int}/rename"] = "400 400 403 403 403 403 403 403 401",
        ["POST /api/v1/departments/{id:int}/merge"] = "400 400 403 403 403 403 403 403 401",
    };

    [Fact]
    public async Task Every_route_has_a_rule()
    {
        var routes = await sites.RoutesAsync();
        var missing = routes.Where(r => !Rules.ContainsKey(r) || !Expected.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "routes without an authorization rule: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_table_agrees_with_who_may_use_each_route()
    {
        foreach (var (route, (who, path)) in Rules)
        {
            var api = path.StartsWith("/api/", StringComparison.Ordinal);
            var codes = Codes(route);
            for (var i = 0; i < Roles.Length; i++)
            {
                // Another department's staff may be told that the finding does not exist (404): they may not know it.
                var denied = codes[i] is 401 or 403 || (!api && codes[i] == 302 && who != Who.Public && !Allowed(who, Roles[i]))
                    || (codes[i] == 404 && Roles[i] is OtherEditor or OtherApprover);
                Assert.True(Allowed(who, Roles[i]) || denied, $"{route}: {Roles[i]} is outside {who} but the table says {codes[i]}");
                Assert.False(codes[i] is 401 && Roles[i] != "anonymous", $"{route}: {Roles[i]} is signed in but the table says 401");
            }
        }
    }

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var engine in new[] { "sqlite", "postgres" })
        {
            foreach (var route in Rules.Keys)
            {
                foreach (var role in Roles)
                {
                    data.Add(engine, route, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_the_expected_status(string engine, string route, string role)
    {
        var site = await sites.ForAsync(engine);
        var (_, path) = Rules[route];
        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        var client = role == "anonymous" ? site.Anonymous : api ? site.Tokens[role] : site.Cookies[role];
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = route == Upload
                ? new MultipartFormDataContent { { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00]), "file", "tool.exe" } }
                : api
                ? new StringContent(Bodies.GetValueOrDefault(route, "{}"), System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var expected = Codes(route)[Array.IndexOf(Roles, role)];
        if (Environment.GetEnvironmentVariable("KANSA_MATRIX_DUMP") is { Length: > 0 } dump)
        {
            await File.AppendAllTextAsync(dump, $"{engine}\t{route}\t{role}\t{status}\t{location}\n");
        }

        Assert.True(expected == status, $"{engine}: {route} as {role}: {status} {location}, expected {expected}");
        if (status == 302 && expected == 302 && !api && Rules[route].Who != Who.Public)
        {
            // A refusal says where to go: the login form for anonymous, the 403 page for a role without the right.
            Assert.StartsWith(role == "anonymous" ? "/account/login?ReturnUrl=" : "/error/403", new Uri(site.Host.Address, location).PathAndQuery, StringComparison.Ordinal);
        }
    }

    private static int[] Codes(string route) =>
        [.. Expected[route].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))];

    private static bool Allowed(Who who, string role) => who switch
    {
        Who.Public => true,
        Who.Staff => role != "anonymous",
        Who.Coordinators => role is Kansa.Accounts.Roles.Admin or Kansa.Accounts.Roles.Coordinator,
        Who.ChangeLogReaders => role is Kansa.Accounts.Roles.Admin or Kansa.Accounts.Roles.Auditor,
        Who.Editors => role is Kansa.Accounts.Roles.Editor or OtherEditor,
        Who.Approvers => role is Kansa.Accounts.Roles.Approver or OtherApprover,
        Who.SheetUsers => role is Kansa.Accounts.Roles.Admin or Kansa.Accounts.Roles.Coordinator or Kansa.Accounts.Roles.Editor or OtherEditor,
        _ => false,
    };

    /// <summary>One site per engine, started on first use and shared by the whole matrix.</summary>
    public sealed class Sites : IAsyncLifetime
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Site>>> sites = new(StringComparer.Ordinal);

        /// <summary>The site on the engine.</summary>
        public Task<Site> ForAsync(string engine) => sites.GetOrAdd(engine, e => new Lazy<Task<Site>>(() => Site.StartAsync(e))).Value;

        /// <summary>The routes the app maps (from the SQLite site).</summary>
        public async Task<IReadOnlyList<string>> RoutesAsync() => (await ForAsync("sqlite")).Routes;

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var site in sites.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
            {
                await site.Value.Result.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The demo on one engine with a request, a draft response, an evidence file and an open round on R5-指-3 (all id 1),
    /// and one signed-in client and one token client per role. Each client says it comes from its own address through
    /// the (loopback) proxy, so that the sign-in limit per address does not mix the roles.
    /// </summary>
    public sealed class Site : IAsyncDisposable
    {
        private TestDatabase db = null!;

        public WebHost Host { get; private set; } = null!;

        public HttpClient Anonymous { get; private set; } = null!;

        public Dictionary<string, HttpClient> Cookies { get; } = [];

        public Dictionary<string, HttpClient> Tokens { get; } = [];

        public IReadOnlyList<string> Routes { get; private set; } = [];

        public static async Task<Site> StartAsync(string engine)
        {
            var site = new Site { db = await TestDatabase.CreateAsync(engine) };
            await using (var context = site.db.CreateContext())
            {
                var imported = await new ImportStatusReports(context, TimeProvider.System).RunAsync([.. TestPaths.DemoSamples], false, null, CancellationToken.None);
                Assert.True(imported.Succeeded, string.Join('\n', imported.Problems));
                var finding = await context.Findings.Where(f => f.Number == "R5-指-3").Select(f => f.Id).SingleAsync();
                var request = new ResponseRequest { FindingId = finding, DueDate = new DateOnly(2025, 12, 1), OriginalDueDate = new DateOnly(2025, 12, 1), RequestedBy = "user:m-coordinator", RequestedAt = DateTimeOffset.UnixEpoch };
                context.ResponseRequests.Add(request);
                await context.SaveChangesAsync();
                var response = new Response { FindingId = finding, RequestId = request.Id, Word = "検討中", Content = "検討しています。", Stage = ResponseStage.Draft, CreatedBy = "user:m-editor", CreatedAt = DateTimeOffset.UnixEpoch };
                response.Steps.Add(new ResponseStep { Action = "drafted", By = "user:m-editor", At = DateTimeOffset.UnixEpoch });
                context.Responses.Add(response);
                context.Rounds.Add(new PublicationRound { AsOf = Kansa.Calendar.YearMonth.Parse("2025-11"), OpenedBy = "user:m-coordinator", OpenedAt = DateTimeOffset.UnixEpoch });
                await context.SaveChangesAsync();
                context.EvidenceFiles.Add(new EvidenceFile
                {
                    ResponseId = response.Id, FileName = "点検結果.txt", ContentType = "text/plain", Size = 2, Sha256 = "00", Content = "ok"u8.ToArray(),
                    UploadedBy = "user:m-editor", UploadedAt = DateTimeOffset.UnixEpoch,
                });
                await context.SaveChangesAsync();
                Assert.Equal((1, 1), (request.Id, response.Id));
            }

            foreach (var role in Roles.SkipLast(1))
            {
                var (kind, departments) = role switch
                {
                    OtherEditor => (Kansa.Accounts.Roles.Editor, new[] { OtherDepartment }),
                    OtherApprover => (Kansa.Accounts.Roles.Approver, new[] { OtherDepartment }),
                    _ => (role, Kansa.Accounts.Roles.DepartmentBound.Contains(role) ? new[] { OwnDepartment } : []),
                };
                await StaffAccounts.CreateUserAsync(site.db, "m-" + role, kind, departments);
            }

            site.Host = await WebHost.StartAsync(site.db.Target);
            site.Anonymous = FromOwnAddress(StaffAccounts.CookieClient(site.Host), Roles.Length);
            for (var i = 0; i < Roles.Length - 1; i++)
            {
                var cookie = FromOwnAddress(StaffAccounts.CookieClient(site.Host), i);
                var login = await StaffAccounts.PostFormAsync(cookie, "/account/login", new() { ["Input.Login"] = "m-" + Roles[i], ["Input.Password"] = StaffAccounts.Password });
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
                site.Cookies[Roles[i]] = cookie;
                site.Tokens[Roles[i]] = FromOwnAddress(await StaffAccounts.TokenClientAsync(site.db, site.Host, "m-" + Roles[i]), i);
            }

            site.Routes = [.. site.Host.Endpoints.OfType<RouteEndpoint>()
                .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                    .Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
                .Where(r => !r.EndsWith(" /{*path:nonfile}", StringComparison.Ordinal) && !r.Contains("/signin-oidc", StringComparison.Ordinal))
                .Distinct()
                .Order(StringComparer.Ordinal)];
            return site;
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await db.DisposeAsync();
        }

        private static HttpClient FromOwnAddress(HttpClient client, int index)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"192.0.2.{index + 1}");
            return client;
        }
    }
}
