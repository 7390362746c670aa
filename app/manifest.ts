import type { MetadataRoute } from "next";
import ru from "~/server/i18n/messages/ru/offline.json";

/**
 * The web app manifest (/manifest.webmanifest, linked from every page by Next): installed from a
 * phone, the app opens on the person's own page, which the service worker keeps for use offline.
 * Russian, the default language: the manifest is one file for everybody.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: ru.offline.appName,
    short_name: ru.offline.appShortName,
    description: ru.offline.appDescription,
    lang: "ru",
    start_url: "/my",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1e40af",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
