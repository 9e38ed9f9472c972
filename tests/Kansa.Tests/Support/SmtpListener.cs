using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Kansa.Tests.Support;

/// <summary>
/// A tiny SMTP server on loopback (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, no TLS), so that tests see the mail
/// the app really sends through MailKit over a socket.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    /// <summary>Starts listening on a free port.</summary>
    public SmtpListener()
    {
        listener.Start();
        loop = AcceptAsync();
    }

    /// <summary>The port.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Every message received, in order of arrival.</summary>
    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    /// <summary>The settings that send the app's mail here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Kansa:Mail:Host"] = "127.0.0.1",
        ["Kansa:Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Kansa:Mail:Tls"] = "None",
        ["Kansa:Mail:From"] = "kansa@city.example.lg.jp",
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, new UTF8Encoding(false));
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost Kansa test SMTP");
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RSET":
                    (from, recipients) = (null, []);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    from = Address(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    recipients.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())));
                    Messages.Enqueue(new ReceivedMail(from ?? "", [.. recipients], message));
                    (from, recipients) = (null, []);
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private static string Address(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0].Trim('<', '>');
}

/// <summary>A message as the server received it.</summary>
/// <param name="From">The envelope sender.</param>
/// <param name="Recipients">The envelope recipients.</param>
/// <param name="Message">The parsed message.</param>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, MimeMessage Message);
