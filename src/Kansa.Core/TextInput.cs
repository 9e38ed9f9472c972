namespace Kansa;

/// <summary>Plain text typed into a form or sent as JSON, as Kansa stores it.</summary>
public static class TextInput
{
    /// <summary>Line breaks as \n, no surrounding blank space; prose keeps its own characters.</summary>
    public static string Plain(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
