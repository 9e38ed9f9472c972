using System.Security.Cryptography;
using System.Text;
using Kansa.Responses;

namespace Kansa.Sheets;

/// <summary>
/// One finding as its department sheet shows it now: the locked registry cells (A–G), the input cells as prefilled
/// (H, I), and what the import needs to act on it. Built from the database both at export and at import, so that the
/// import compares the file with exactly what Kansa would write today.
/// </summary>
/// <param name="FindingId">The finding's database id (hidden column J).</param>
/// <param name="Number">番号.</param>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="DepartmentIds">The finding's department links (the ids the workflow checks).</param>
/// <param name="Locked">The texts of columns A–G in order.</param>
/// <param name="Word">The status word prefilled in H: the unfinished response's, else the published one if it is a word of the list.</param>
/// <param name="Content">The text prefilled in I, likewise.</param>
/// <param name="Words">The status words the drop-down offers (the same list as the workflow page).</param>
/// <param name="Active">The unfinished response (下書き, 差戻し, 提出済, 承認済), if any.</param>
/// <param name="ActiveVersion">Its version, for the edit.</param>
/// <param name="ActiveStage">Its stage.</param>
/// <param name="Token">The version of everything the row shows (hidden column K).</param>
public sealed record SheetRow(
    int FindingId,
    string Number,
    FindingCategory Category,
    IReadOnlyList<int> DepartmentIds,
    IReadOnlyList<string> Locked,
    string Word,
    string Content,
    IReadOnlyList<string> Words,
    int? Active,
    Guid? ActiveVersion,
    ResponseStage? ActiveStage,
    string Token)
{
    /// <summary>Whether the department may still change the response here (no response, a draft or a returned one).</summary>
    public bool Editable => ActiveStage is null or ResponseStage.Draft or ResponseStage.Returned;

    /// <summary>The hash of the input cells as exported (hidden column L).</summary>
    public string InputHash => HashInput(Word, Content);

    /// <summary>The hash of a word and a text as the input cells hold them.</summary>
    public static string HashInput(string word, string content) => Hash(word.Trim() + "\u001F" + TextInput.Plain(content));

    /// <summary>A short, stable hash of a text (SHA-256, first 12 bytes, base64url).</summary>
    public static string Hash(string text) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
