using System.Globalization;
using Kansa.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kansa.Reminders;

/// <summary>What one pass did.</summary>
/// <param name="Due">Notices due today.</param>
/// <param name="Sent">Mails this instance sent.</param>
/// <param name="AlreadyClaimed">Notices sent before, or by another instance.</param>
/// <param name="WithoutRecipient">Notices whose departments have no editor with an address.</param>
public sealed record ReminderPass(int Due, int Sent, int AlreadyClaimed, int WithoutRecipient);

/// <summary>
/// One pass of the reminder job: every notice due today is claimed by inserting its row (unique request, kind and due
/// date), then mailed to the editors of the finding's departments. Of two instances, the one whose insert fails skips
/// the notice, so each goes out once. A mail that fails gives its claim back, so that a later pass tries again.
/// </summary>
public sealed partial class SendReminders(KansaDbContext db, FindDueNotices find, IOptions<MailSettings> mail, ILogger<SendReminders> logger, TimeProvider time)
{
    /// <summary>Runs one pass; <paramref name="instance"/> names this instance in the claims.</summary>
    public async Task<Outcome<ReminderPass>> RunAsync(string instance, CancellationToken ct)
    {
        var settings = mail.Value;
        if (!settings.Enabled)
        {
            return Outcome<ReminderPass>.Invalid("Kansa:Mail:Host", "Kansa:Mail:Host: メールサーバーが設定されていないため、通知を送れません。");
        }

        var notices = await find.RunAsync(null, ct);
        var (sent, claimed, alone) = (0, 0, 0);
        using var smtp = new SmtpClient();
        try
        {
            foreach (var notice in notices)
            {
                var recipients = await find.EditorAddressesAsync(notice.DepartmentIds, ct);
                if (recipients.Count == 0)
                {
                    alone++;
                    continue;
                }

                var claim = await ClaimAsync(notice, recipients, instance, ct);
                if (claim is null)
                {
                    claimed++;
                    continue;
                }

                try
                {
                    if (!smtp.IsConnected)
                    {
                        await smtp.ConnectAsync(settings.Host!, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Tls, ignoreCase: true), ct);
                        if (!string.IsNullOrEmpty(settings.UserName))
                        {
                            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
                        }
                    }

                    await smtp.SendAsync(Compose(notice, recipients, claim, settings), ct);
                    sent++;
                }
                catch (Exception e)
                {
                    // Whatever stopped the mail (server down, TLS, shutdown), the notice must not count as sent.
                    LogSendFailed(logger, e, notice.Kind, notice.RequestId);
                    db.ReminderNotices.Remove(claim);
                    await db.SaveChangesAsync(CancellationToken.None);
                    throw;
                }
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, ct);
            }
        }

        return Outcome<ReminderPass>.Ok(new ReminderPass(notices.Count, sent, claimed, alone));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Kind} for request {Request} could not be sent; its claim is released for the next pass")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string kind, int request);

    private async Task<ReminderNotice?> ClaimAsync(DueNotice notice, IReadOnlyList<string> recipients, string instance, CancellationToken ct)
    {
        // A failed insert is either the other instance's claim (skip) or something else, such as a busy database (retry).
        for (var attempt = 0; ; attempt++)
        {
            if (await db.ReminderNotices.AnyAsync(n => n.RequestId == notice.RequestId && n.Kind == notice.Kind && n.DueDate == notice.DueDate, ct))
            {
                return null;
            }

            var claim = new ReminderNotice
            {
                RequestId = notice.RequestId,
                Kind = notice.Kind,
                DueDate = notice.DueDate,
                ClaimedAt = time.GetUtcNow(),
                ClaimedBy = instance.Length > 200 ? instance[..200] : instance,
                Recipients = string.Join(",", recipients),
            };
            db.ReminderNotices.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
                return claim;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static MimeMessage Compose(DueNotice notice, IReadOnlyList<string> recipients, ReminderNotice claim, MailSettings settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        foreach (var address in recipients)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        var due = notice.DueDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        message.MessageId = $"reminder-{claim.Id}-{notice.Kind}@kansa";
        message.Subject = $"[Kansa] {ReminderKinds.Label(notice.Kind)}: {notice.FindingNumber} の措置状況の回答 (期限 {due})";
        var when = notice.Kind == ReminderKinds.Overdue
            ? $"回答の期限 ({due}) を {-notice.DaysLeft} 日過ぎています。"
            : notice.DaysLeft == 0 ? $"回答の期限は本日 ({due}) です。" : $"回答の期限 ({due}) まであと {notice.DaysLeft} 日です。";
        var link = string.IsNullOrWhiteSpace(settings.SiteUrl) ? "" : $"\n\n職員用ページ: {settings.SiteUrl.TrimEnd('/')}/staff";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                所管課ご担当者様

                監査結果 {notice.FindingNumber}{(string.IsNullOrEmpty(notice.FindingTitle) ? "" : " 「" + notice.FindingTitle + "」")} について、{when}
                措置状況の回答を作成し、提出してください。{link}

                このメールは Kansa から自動で送信しています。
                """,
        };
        return message;
    }
}
