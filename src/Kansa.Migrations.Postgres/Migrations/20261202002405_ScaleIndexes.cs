using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kansa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StatusRecords_FindingId_AsOf",
                table: "StatusRecords",
                columns: new[] { "FindingId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_AuditId_Category_Sequence",
                table: "Findings",
                columns: new[] { "AuditId", "Category", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Audits_FiscalYear_Kind",
                table: "Audits",
                columns: new[] { "FiscalYear", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_Sequence",
                table: "AuditEntries",
                columns: new[] { "Action", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusRecords_FindingId_AsOf",
                table: "StatusRecords");

            migrationBuilder.DropIndex(
                name: "IX_Findings_AuditId_Category_Sequence",
                table: "Findings");

            migrationBuilder.DropIndex(
                name: "IX_Audits_FiscalYear_Kind",
                table: "Audits");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Action_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityKey",
                table: "AuditEntries");
        }
    }
}
