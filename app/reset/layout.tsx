export { default } from "~/app/_components/client-intl";
