using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kansa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocumentMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LatestDocument",
                table: "Audits",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LatestDocument",
                table: "Audits");
        }
    }
}
