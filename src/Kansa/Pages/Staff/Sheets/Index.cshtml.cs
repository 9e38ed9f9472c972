using Kansa.OpenData;
using Kansa.Responses;
using Kansa.Security;
using Kansa.Sheets;
using Kansa.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Pages.Staff.Sheets;

/// <summary>
/// Department sheets (所管課シート): download an audit's sheets, upload a filled one, see exactly which findings change
/// and how, then confirm. Between the two steps the file travels back with the confirmation form (base64 in a hidden
/// field) instead of being kept on the server: nothing to clean up, and it works behind several app instances; the
/// confirmation checks the file again from scratch and refuses when the plan is no longer the one previewed.
/// Coordinators (all departments) and editors (their own departments only).
/// </summary>
[Authorize(Roles = Kansa.Accounts.Roles.Admin + "," + Kansa.Accounts.Roles.Coordinator + "," + Kansa.Accounts.Roles.Editor)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + (64 * 1024), ValueLengthLimit = (MaxUpload / 3 * 4) + 1024)]
[RequestSizeLimit(MaxUpload * 2)]
public sealed class IndexModel(CurrentStaff staff, KansaDbContext db) : PageModel
{
    /// <summary>The largest sheet file accepted (a department's sheet is a few tens of kilobytes).</summary>
    public const int MaxUpload = 4 * 1024 * 1024;

    /// <summary>The audits to choose from.</summary>
    public IReadOnlyList<string> Audits { get; private set; } = [];

    /// <summary>The departments the person may export (all for coordinators, their own for editors).</summary>
    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>Whether the person is a coordinator or admin.</summary>
    public bool IsCoordinator { get; private set; }

    /// <summary>The checked plan shown for confirmation.</summary>
    public SheetPlan? Plan { get; private set; }

    /// <summary>What is wrong with the file (or the export request).</summary>
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    /// <summary>The uploaded file, carried to the confirmation (base64).</summary>
    public string? FileData { get; private set; }

    /// <summary>The uploaded file's name.</summary>
    public string? FileName { get; private set; }

    /// <summary>Whether the person chose to submit as well.</summary>
    public bool SubmitToo { get; private set; }

    /// <summary>The audit the person said the file is for.</summary>
    public string? ExpectedAudit { get; private set; }

    /// <summary>What the last import did, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the forms.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Downloads the sheets of an audit (one department's with <paramref name="department"/>; done findings too with <paramref name="done"/>).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? audit, string? department, bool done, [FromServices] ExportDepartmentSheets export, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await export.RunAsync(user, audit, string.IsNullOrWhiteSpace(department) ? null : department, done, ct);
        if (outcome.Succeeded)
        {
            var name = string.Concat(outcome.Value.FileName.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
            return File(outcome.Value.Content, ExportDepartmentSheets.ContentType, name);
        }

        Problems = outcome.Problems;
        Response.StatusCode = outcome.Kind == OutcomeKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>Checks an uploaded file and shows what would change.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, bool submit, string? audit, [FromServices] CheckDepartmentSheets check, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        SubmitToo = submit;
        ExpectedAudit = string.IsNullOrWhiteSpace(audit) ? null : audit;
        if (upload is null || upload.Length == 0)
        {
            Problems = [new Problem("upload", "ファイル: 取り込む所管課シート (xlsx) を選んでください。")];
            return await LoadAsync(ct) ?? Page();
        }

        FileName = Path.GetFileName(upload.FileName);
        if (upload.Length > MaxUpload)
        {
            Problems = [new Problem("upload", $"{FileName}: ファイルが大きすぎます ({MaxUpload / 1024 / 1024} MB まで)。")];
            return await LoadAsync(ct) ?? Page();
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var outcome = await check.RunAsync(user, bytes, FileName, ExpectedAudit, ct);
        if (outcome.Succeeded)
        {
            Plan = outcome.Value;
            FileData = Convert.ToBase64String(bytes);
        }
        else
        {
            Problems = outcome.Problems;
        }

        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>Applies the file the person previewed.</summary>
    public async Task<IActionResult> OnPostApplyAsync(string? fileData, string? fileName, bool submit, string? audit, [FromForm] int[]? previewed, [FromServices] ImportDepartmentSheets import, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(fileData ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }

        var label = string.IsNullOrWhiteSpace(fileName) ? "シート" : Path.GetFileName(fileName);
        if (bytes.Length == 0)
        {
            Problems = [new Problem("upload", "確認したファイルが送られてきませんでした。もう一度ファイルを選んでください。")];
            return await LoadAsync(ct) ?? Page();
        }

        var outcome = await import.RunAsync(user, bytes, label, string.IsNullOrWhiteSpace(audit) ? null : audit, submit, previewed ?? [], "web", ct);
        if (outcome.Succeeded)
        {
            var r = outcome.Value;
            Notice = r.Responses.Count == 0
                ? $"{label}: 変更された行はありませんでした。何も変えていません。"
                : $"{label}: {string.Join("、", r.Plan.Changes.Select(c => c.Number))} の回答を{(r.Submitted ? "保存して提出しました" : "下書きとして保存しました")} ({r.Responses.Count} 件)。";
            return RedirectToPage();
        }

        Problems = outcome.Problems;
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        IsCoordinator = user.IsCoordinator;
        Audits = [.. (await db.Audits.AsNoTracking().Select(a => new { a.Key, a.FiscalYear }).ToListAsync(ct))
            .OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key)];
        var departments = await db.Departments.AsNoTracking().Where(d => d.MergedIntoId == null).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        Departments = [.. departments.Where(d => user.IsCoordinator || user.DepartmentIds.Contains(d.Id)).Select(d => d.Name).Order(StringComparer.Ordinal)];
        return null;
    }
}
