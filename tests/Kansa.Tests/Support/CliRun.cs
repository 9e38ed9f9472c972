using System.Text;
using Kansa.Cli;

namespace Kansa.Tests.Support;

/// <summary>Runs the <c>kansa</c> command line in-process and captures what it writes.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs a command line.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs a command line with text on standard input.</summary>
    public static async Task<CliRun> RunWithInputAsync(string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var stdout = new MemoryStream();
        var code = await KansaCli.RunAsync(args, new CliConsole(output, error, () => new NonClosing(stdout), new StringReader(input ?? "")), CancellationToken.None);
        var bytes = Encoding.UTF8.GetString(stdout.ToArray());
        return new CliRun(code, output + bytes, error.ToString());
    }

    /// <summary>A stream the command may dispose without losing what it wrote.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
