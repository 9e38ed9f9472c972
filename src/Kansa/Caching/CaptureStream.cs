namespace Kansa.Caching;

/// <summary>
/// Keeps what a response writes, up to a limit, so that <see cref="PublicCache"/> can store it; beyond the limit (a very
/// large export) it sends what it kept and lets the rest stream through, and the response is not stored.
/// </summary>
public sealed class CaptureStream(Stream inner, int limit) : Stream
{
    private MemoryStream? kept = new();

    /// <summary>Whether the response outgrew the limit and went through uncaptured.</summary>
    public bool Overflowed => kept is null;

    /// <summary>What was kept (only while not overflowed).</summary>
    public byte[] Captured => kept?.ToArray() ?? [];

    /// <summary>Sends what was kept, unchanged, when the response is not to be stored.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        if (kept is { Length: > 0 })
        {
            kept.Position = 0;
            await kept.CopyToAsync(inner, ct);
        }

        kept = null;
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (kept is not null && kept.Length + buffer.Length <= limit)
        {
            kept.Write(buffer.Span);
            return;
        }

        if (kept is not null)
        {
            await ReleaseAsync(cancellationToken);
        }

        await inner.WriteAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => kept is null ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}
