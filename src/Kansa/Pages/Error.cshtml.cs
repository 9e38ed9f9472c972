using System.Globalization;
using Kansa.Responses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages;

/// <summary>Error pages in Japanese, with the status code kept.</summary>
/// <remarks>
/// The heading and message come from the status code itself, not from a handler: an error re-executed for a POST
/// (a form sent with a bad value) has no OnPost handler to run, and the page then showed an empty heading.
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The status shown: the code in the address (/error/404).</summary>
    public int Code => RouteData.Values.TryGetValue("code", out var value)
        && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
        && code is >= 400 and < 600 ? code : 500;

    /// <summary>The heading.</summary>
    public string Heading => Describe(Code).Heading;

    /// <summary>The explanation.</summary>
    public string Message => Describe(Code).Message;

    /// <summary>
    /// Whether the error answers a staff address for a signed-in person: the page then keeps the staff menu and points
    /// back to the work list, so that a mistyped number never lands them on the public site.
    /// </summary>
    public bool InStaffArea => User.Identity?.IsAuthenticated == true
        && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath is { } path
        && (path.Equals("/staff", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/staff/", StringComparison.OrdinalIgnoreCase));

    /// <summary>The explanation on a staff page: a missing number is told in the staff's words.</summary>
    public string StaffMessage => Code == 404
        ? "お探しの指摘・意見・回答は見つからないか、見る権限がありません。番号を確かめて、指摘・意見の一覧から選んでください。"
        : Message;

    /// <summary>Shows the page for a status code visited directly (/error/404 answers 404).</summary>
    public void OnGet() => Response.StatusCode = Code;

    /// <summary>The Japanese heading and message of a status.</summary>
    public static (string Heading, string Message) Describe(int code) => code switch
    {
        400 => ("リクエストを処理できません", "入力の形式を確認してください。日付は 2025-08 のように半角数字で入力します。"),
        401 => ("ログインが必要です", "職員用のページです。ログインしてからお試しください。"),
        403 => ("このページは表示できません", "このページを表示する権限がありません。"),
        404 => ("ページが見つかりません", "お探しの監査・指摘は登録されていないか、番号が違います。"),
        405 => ("この操作はできません", "このページはその方法では使えません。"),
        413 => ("送信した内容が大きすぎます", "ファイルや入力を小さくしてから、もう一度お試しください。"),
        415 => ("送信した内容の形式が違います", "フォームからもう一度お試しください。"),
        429 => ("アクセスが集中しています", "しばらく待ってから、もう一度お試しください。"),
        >= 500 => ("エラーが発生しました", "時間をおいて、もう一度お試しください。解決しない場合はシステム管理者に連絡してください。"),
        _ => ("リクエストを処理できません", "入力の形式を確認してください。"),
    };
}
