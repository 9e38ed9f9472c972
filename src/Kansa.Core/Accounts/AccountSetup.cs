using Kansa.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kansa.Accounts;

/// <summary>Identity on Kansa's own database: per-person accounts, password policy, lockout.</summary>
public static class AccountSetup
{
    /// <summary>Adds user and role management (no HTTP parts): shared by the web app and the command line.</summary>
    public static IdentityBuilder AddKansaIdentityCore(this IServiceCollection services)
    {
        services.AddOptions<PasswordWords>();
        return services.AddIdentityCore<KansaUser>(o =>
            {
                // Length beats composition rules (NIST SP 800-63B); guessable passwords are refused by PasswordStrength (zxcvbn).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KansaDbContext>()
            .AddPasswordValidator<PasswordStrength>()
            .AddErrorDescriber<JapaneseIdentityErrors>();
    }
}
