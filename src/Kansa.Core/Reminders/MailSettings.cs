namespace Kansa.Reminders;

/// <summary>How Kansa sends e-mail (section <c>Kansa:Mail</c>). Without a host, no mail is sent.</summary>
public sealed class MailSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kansa:Mail";

    /// <summary>The SMTP server's host name; empty turns mail off.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port.</summary>
    public int Port { get; set; } = 25;

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "kansa@localhost";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "Kansa 監査結果フォローアップ";

    /// <summary>TLS: None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Tls { get; set; } = "StartTlsWhenAvailable";

    /// <summary>Login to the SMTP server, if it asks for one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The address of the staff pages, for links in the mail (e.g. https://kansa.example.lg.jp).</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Whether mail is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
