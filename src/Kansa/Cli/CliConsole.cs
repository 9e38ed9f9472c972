namespace Kansa.Cli;

/// <summary>Where a command writes: messages as text, and data (exports) as bytes on standard output.</summary>
/// <param name="Out">Standard output for text.</param>
/// <param name="Error">Standard error: problems, progress and build chatter.</param>
/// <param name="OpenStandardOutput">Opens standard output as a byte stream.</param>
/// <param name="In">Standard input, for secrets given with --password-stdin.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardOutput, TextReader In)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole System { get; } = new(Console.Out, Console.Error, Console.OpenStandardOutput, Console.In);
}
