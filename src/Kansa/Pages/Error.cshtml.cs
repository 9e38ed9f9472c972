using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages;

/// <summary>Error pages in Japanese, with the status code kept.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The heading.</summary>
    public string Heading { get; private set; } = "";

    /// <summary>The explanation.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Shows the page for a status code.</summary>
    public void OnGet(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        (Heading, Message) = code switch
        {
            404 => ("ページが見つかりません", "お探しの監査・指摘は登録されていないか、番号が違います。"),
            400 => ("リクエストを処理できません", "入力の形式を確認してください。"),
            _ => ("エラーが発生しました", "時間をおいて、もう一度お試しください。"),
        };
    }
}
