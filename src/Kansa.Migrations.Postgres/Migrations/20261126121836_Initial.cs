using System;
using Kansa.Findings;
using Kansa.Responses;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Kansa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Audits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "text", nullable: true),
                    Auditor = table.Column<string>(type: "text", nullable: true),
                    ReportDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentKind = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AuditKind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsCanonical = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuditId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ReportPages = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PageFrom = table.Column<int>(type: "integer", nullable: true),
                    PageTo = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Excerpt = table.Column<string>(type: "text", nullable: true),
                    ContentAsOf = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingDepartment",
                columns: table => new
                {
                    FindingId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingDepartment", x => new { x.FindingId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_FindingDepartment_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FindingDepartment_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatusRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FindingId = table.Column<int>(type: "integer", nullable: false),
                    Word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Published = table.Column<int>(type: "integer", nullable: true),
                    Response = table.Column<string>(type: "text", nullable: true),
                    AsOf = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusRecords_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "StatusTerms",
                columns: new[] { "Id", "AuditKind", "Category", "IsCanonical", "State", "Word" },
                values: new object[,]
                {
                    { 1, null, "Finding", true, "Done", "措置済" },
                    { 2, null, "Finding", false, "Done", "措置済み" },
                    { 3, null, "Finding", false, "Done", "措置完了" },
                    { 4, null, "Finding", true, "Open", "未措置" },
                    { 5, null, "Finding", true, "InProgress", "措置中" },
                    { 6, null, "Finding", false, "InProgress", "一部措置済" },
                    { 7, null, "Finding", false, "InProgress", "一部措置済み" },
                    { 8, null, "Finding", false, "InProgress", "措置予定" },
                    { 9, null, "Finding", false, "InProgress", "措置予定・検討中" },
                    { 10, null, "Finding", true, "WillNotImplement", "措置を行わない" },
                    { 11, null, "Finding", false, "WillNotImplement", "措置しない" },
                    { 12, null, "Opinion", true, "Done", "対応済" },
                    { 13, null, "Opinion", false, "Done", "対応済み" },
                    { 14, null, "Opinion", false, "Done", "対応完了" },
                    { 15, null, "Opinion", true, "Open", "未対応" },
                    { 16, null, "Opinion", true, "InProgress", "対応中" },
                    { 17, null, "Opinion", false, "InProgress", "一部対応済" },
                    { 18, null, "Opinion", false, "InProgress", "一部対応済み" },
                    { 19, null, "Opinion", false, "InProgress", "対応予定" },
                    { 20, null, "Opinion", false, "InProgress", "対応予定・検討中" },
                    { 21, null, "Opinion", true, "WillNotImplement", "対応しない" },
                    { 22, null, "Opinion", false, "WillNotImplement", "対応を行わない" },
                    { 23, null, null, false, "InProgress", "検討中" },
                    { 24, null, null, false, "Done", "改善済" },
                    { 25, null, null, false, "Done", "改善済み" },
                    { 26, null, null, false, "InProgress", "改善中" },
                    { 27, null, null, false, "Open", "未改善" },
                    { 28, null, null, false, "InProgress", "着手" },
                    { 29, null, null, false, "Open", "未着手" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Audits_Key",
                table: "Audits",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Name",
                table: "Departments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FindingDepartment_DepartmentId",
                table: "FindingDepartment",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_AuditId_Number",
                table: "Findings",
                columns: new[] { "AuditId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Number",
                table: "Findings",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_StatusRecords_FindingId",
                table: "StatusRecords",
                column: "FindingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingDepartment");

            migrationBuilder.DropTable(
                name: "StatusRecords");

            migrationBuilder.DropTable(
                name: "StatusTerms");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Audits");
        }
    }
}
